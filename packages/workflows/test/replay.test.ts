import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { DataKeyCodec, sealedDataConverter } from '../src/codec';
import { workflowsPath } from '../src/worker';
import { FIXTURE_DATA_KEY, HISTORIES_DIR } from './support/case-harness';

/**
 * Recorded histories of real cases (`npm run record-histories -w @donghanh/workflows`) replayed
 * against today's workflow code. A change that would break running cases — a step reordered, an
 * activity added or removed without `patched()` — makes replay diverge and fails the build.
 * See docs/workflow-versioning.md.
 */
const histories = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    workflowId: f.replace(/\.json$/, ''),
    // The CLI's JSON, parsed by the replayer itself.
    history: JSON.parse(readFileSync(join(HISTORIES_DIR, f), 'utf8')) as unknown,
  }));

describe('replay of recorded case histories', () => {
  it('has histories for every stage of the lifecycle', () => {
    expect(histories.length).toBeGreaterThanOrEqual(6);
  });

  it('replays every recorded history on the current workflow code', async () => {
    const results = [];
    const dataConverter = sealedDataConverter(new DataKeyCodec({ current: FIXTURE_DATA_KEY }));
    for await (const r of Worker.runReplayHistories(
      { workflowsPath, replayName: 'ci', dataConverter },
      histories,
    )) {
      results.push({ workflowId: r.workflowId, error: r.error?.message });
    }
    expect(results).toEqual(histories.map((h) => ({ workflowId: h.workflowId, error: undefined })));
  });

  it('fails on workflow code that takes its steps in another order', async () => {
    const [first] = histories;
    if (!first) throw new Error('no recorded history');
    const error = await Worker.runReplayHistory(
      {
        workflowsPath: join(import.meta.dirname, 'support', 'reordered-workflow.ts'),
        replayName: 'ci-broken',
      },
      first.history,
      first.workflowId,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error | null)?.name).toBe('DeterminismViolationError');
  });
});
