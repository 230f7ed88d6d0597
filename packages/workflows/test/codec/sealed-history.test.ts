import { execFileSync } from 'node:child_process';
import { realClock } from '@donghanh/domain';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealedDataConverter } from '../../src/codec';
import {
  assignHelperUpdate,
  respondOfferUpdate,
  screenUpdate,
  stateQuery,
  submitPlanUpdate,
} from '../../src/messages';
import { workflowsPath } from '../../src/worker';
import { CaseHarness, COORDINATOR, LAN, rejection } from '../support/case-harness';

/**
 * Update arguments are where teachers write the child's name and the family's story. On a real
 * Temporal dev server with the real worker, the history Temporal stores — what its UI and CLI
 * show anyone with access — must hold ciphertext only, while the product's own client and worker
 * (which share the data key) read and write plain values.
 */
const PLANTED = 'Lò Thị Ngọc Ánh ZQXPLANTED nhà nghèo, bố mất';
const MARKER = 'ZQXPLANTED';
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

describe('Temporal history is sealed', () => {
  it('holds no plaintext of a planted name or reason, while the codec-enabled client reads results', async () => {
    const { caseId, handle } = await h.startCase('st-02', realClock(Date.now()), { offerResponseMs: 60_000 });
    const screened = await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept', reason: PLANTED }],
    });
    expect(screened).toMatchObject({ caseId, stage: 'assignment' });
    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: LAN }],
    });
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: `${caseId}:offer:1`, actorId: LAN, accept: true }],
    });
    const planned = await handle.executeUpdate(submitPlanUpdate, {
      args: [
        {
          taskId: `${caseId}:plan:1`,
          actorId: LAN,
          goals: { week: `Kèm Toán cho em ${PLANTED}`, month: 'Đi học đủ buổi', semester: 'Lên trung bình' },
          kinds: ['tutoring'],
        },
      ],
    });
    // The codec-enabled client and worker see plain values: results, queries, and the rows the
    // activities wrote from the (sealed) update arguments.
    expect(planned).toMatchObject({ caseId, stage: 'plan' });
    expect((await handle.query(stateQuery)).stage).toBe('plan');
    const events = await h.db.caseEvent.findMany({ where: { caseId }, select: { payload: true } });
    const written = JSON.stringify(events);
    expect(written).toContain(PLANTED);

    // A client without the codec: what Temporal itself stores and serves.
    const bare = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
    const { history } = await bare.workflowService.getWorkflowExecutionHistory({
      namespace: h.env.namespace ?? 'default',
      execution: { workflowId: handle.workflowId },
    });
    // A patch (workflow versioning, patched()) writes a marker and the TemporalChangeVersion
    // search attribute, both in plain JSON past the codec (search attributes never go through it):
    // they hold only the patch's id. Checked apart, then left out of the scan.
    const isPatch = (e: temporal.api.history.v1.IHistoryEvent) =>
      e.markerRecordedEventAttributes?.markerName === 'core_patch' ||
      Object.keys(
        e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? { x: 0 },
      ).every((k) => k === 'TemporalChangeVersion');
    const patches = (history?.events ?? []).filter(isPatch);
    for (const e of patches) {
      const text = Buffer.from(temporal.api.history.v1.HistoryEvent.encode(e).finish()).toString('utf8');
      expect(text).toMatch(/retention-after-closure|child-consent-at-7/);
      for (const needle of [PLANTED, MARKER, 'st-02', caseId])
        expect(text.includes(needle), needle).toBe(false);
    }
    const sealed = { events: (history?.events ?? []).filter((e) => !isPatch(e)) };
    const raw = Buffer.from(temporal.api.history.v1.History.encode(sealed).finish());
    expect(raw.length).toBeGreaterThan(1000);
    for (const needle of [PLANTED, MARKER, 'Ngọc Ánh', 'Kèm Toán', 'st-02', 'json/plain'])
      expect(raw.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    expect(raw.includes(Buffer.from('binary/encrypted'))).toBe(true);
    // The sealed update arguments are there, and the uncodec'd client cannot read them.
    await expect(bare.workflow.getHandle(handle.workflowId).query(stateQuery)).rejects.toThrow();

    // What an operator sees with the CLI and no codec endpoint.
    const shown = execFileSync(
      inject('temporalCli'),
      [
        'workflow',
        'show',
        '--address',
        h.env.address,
        '--workflow-id',
        handle.workflowId,
        '--output',
        'json',
      ],
      { encoding: 'utf8' },
    );
    // The CLI prints payload bytes in base64: open every string the way an operator could.
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v, Buffer.from(v, 'base64').toString('utf8'));
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
    };
    walk(JSON.parse(shown));
    expect(strings).toContain('binary/encrypted');
    for (const needle of [MARKER, 'Ngọc Ánh', 'st-02'])
      expect(
        strings.filter((s) => s.includes(needle)),
        needle,
      ).toEqual([]);

    // A sealed history replays with the key that sealed it (as the replay test's fixtures would,
    // once re-recorded), and not without it.
    const replay = (dataConverter?: ReturnType<typeof sealedDataConverter>) =>
      Worker.runReplayHistory(
        {
          workflowsPath,
          replayName: `sealed-${dataConverter ? 'codec' : 'bare'}`,
          ...(dataConverter ? { dataConverter } : {}),
        },
        history ?? {},
        handle.workflowId,
      ).then(
        () => null,
        (e: unknown) => e,
      );
    expect(await replay(sealedDataConverter(h.codec))).toBeNull();
    expect(await replay()).toBeInstanceOf(Error);
  }, 120_000);

  it('holds no failure message or stack trace in clear, while the codec-enabled client reads them', async () => {
    const { caseId, handle } = await h.startCase('st-03', realClock(Date.now()), { offerResponseMs: 60_000 });
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
    });
    // The activity refuses an unknown teacher with a message that names the id it was given.
    const planted = `u-${MARKER}-failure`;
    const refused = await rejection(
      handle.executeUpdate(assignHelperUpdate, {
        args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: planted }],
      }),
    );
    // The client with the codec still reads the type (what the API maps to a code) and the message.
    expect(refused.type).toBe('RuleViolation:HELPER_NOT_FOUND');
    expect(refused.message).toContain(planted);

    const bare = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
    const { history } = await bare.workflowService.getWorkflowExecutionHistory({
      namespace: h.env.namespace ?? 'default',
      execution: { workflowId: handle.workflowId },
    });
    const events = history?.events ?? [];
    const failed = events.find((e) => e.activityTaskFailedEventAttributes)?.activityTaskFailedEventAttributes;
    expect(failed?.failure?.applicationFailureInfo?.type).toBe('RuleViolation:HELPER_NOT_FOUND');
    expect(failed?.failure?.message).toBe('Encoded failure');
    expect(failed?.failure?.encodedAttributes?.metadata?.encoding).toBeDefined();
    const raw = Buffer.from(temporal.api.history.v1.History.encode(history ?? {}).finish());
    // Neither the planted id, nor the rule's text, nor a frame of the activity's stack.
    for (const needle of [MARKER, 'Không tìm thấy giáo viên', 'assignment.ts', 'withRules', 'at async'])
      expect(raw.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
  }, 120_000);
});
