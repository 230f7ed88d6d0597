import { bundleWorkflowCode } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { failureConverterPath } from '../src/codec/config';
import { workflowsPath } from '../src/worker';

/**
 * Every cached workflow gets its own copy of the bundle's module state (sdk-typescript #2227):
 * the bundle holds the workflow and its message definitions, never zod, Prisma or the domain's
 * tables. Validation happens at the API edge and in activities.
 */
it('keeps heavy modules out of the workflow bundle', async () => {
  const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  // As the worker bundles it: with the failure converter that seals failure messages.
  const { code } = await bundleWorkflowCode({ workflowsPath, failureConverterPath, logger: silent });
  const ours = [...code.matchAll(/\n\/\*\*\*\/ "([^"]+)"/g)]
    .map((m) => m[1] as string)
    .filter((m) => !m.includes('node_modules') && !m.startsWith('?'))
    .map((m) => m.replace(/^.*\/src\//, 'src/'));
  expect(ours.sort()).toEqual(
    [
      'src/case/case-state.ts',
      'src/codec/failure-converter.cjs',
      'src/case/case-workflow.ts',
      'src/case/task-ids.ts',
      'src/messages.ts',
      // Notifications (issue 13): the delivery workflow (types only from its activities)
      'src/notify/deliver-workflow.ts',
      ...[
        'apply-retention',
        'assignment',
        'checkins',
        'child-consent',
        'closure',
        'consent',
        'evaluation',
        'helpers',
        'intake',
        'notes',
        'plan',
        'retention',
        'term',
        'transfer',
      ].map((area) => `src/steps/${area}.ts`),
      'src/workflows/index.ts',
      // The deletion of an erased case's Temporal histories.
      'src/workflows/history-erasure.ts',
      // Report rounds (issue 12): the round's workflow and its messages.
      'src/report/report-messages.ts',
      'src/report/report-workflow.ts',
    ].sort(),
  );
  for (const heavy of ['zod', '@prisma', '@donghanh/domain', 'packages/domain', 'packages/db']) {
    expect(code.includes(`node_modules/${heavy}`) || code.includes(`"${heavy}`)).toBe(false);
  }
  // Size of the bundle every cached case shares through reuseV8Context, for the record.
  expect(code.length).toBeLessThan(2_000_000);
}, 60_000);
