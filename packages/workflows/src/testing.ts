import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { type DataKeyCodec, sealedDataConverter } from './codec';

/** Test output shows warnings and errors only (the SDK logs every bundle module at INFO). */
function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process
  }
}

/**
 * A real Temporal dev server for tests, from the CLI binary the infra script provides
 * (the global test setup provides its path). Not the time-skipping server: these tests
 * exercise the same server `npm start` runs.
 */
export async function startTestTemporal(
  path: string | undefined = process.env.TEMPORAL_CLI,
  /** The codec of the environment's client: give the same one to the workers on this server. */
  o: { codec?: DataKeyCodec } = {},
): Promise<TestWorkflowEnvironment> {
  if (!path) throw new Error('No Temporal CLI path: run tests through `npm test`, which provides one');
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    ...(o.codec ? { client: { dataConverter: sealedDataConverter(o.codec) } } : {}),
    server: {
      executable: { type: 'existing-path', path },
      extraArgs: [
        '--sqlite-pragma',
        'journal_mode=wal',
        '--sqlite-pragma',
        'synchronous=OFF',
        '--log-level',
        'error',
        // The server acknowledges a closed run's tasks every 30 s by default, and deletes the run
        // (an erased case's history) only after that: tests compress it as they do the calendar.
        '--dynamic-config-value',
        'history.transferProcessorUpdateAckInterval="1s"',
        '--dynamic-config-value',
        'history.visibilityProcessorUpdateAckInterval="1s"',
      ],
    },
  });
}

/** A Temporal payload as histories carry it. */
interface RawPayload {
  metadata?: Record<string, Uint8Array> | null;
  data?: Uint8Array | null;
}
const isPayload = (v: unknown): v is RawPayload =>
  typeof v === 'object' && v !== null && 'data' in v && (v as RawPayload).data instanceof Uint8Array;

function payloadsIn(value: unknown, found: RawPayload[], seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || value instanceof Uint8Array) return;
  seen.add(value);
  if (isPayload(value)) {
    found.push(value);
    return;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) payloadsIn(v, found, seen);
}

/**
 * Everything Temporal holds of one workflow id — every run it still lists, every event — as
 * text, with every payload opened by the codec: what a scan for a planted name must search.
 * Returns the run ids found, so a test can also see that none are left.
 */
export async function workflowHistoriesText(
  client: Client,
  codec: PayloadCodec,
  workflowId: string,
): Promise<{ runIds: string[]; text: string }> {
  const runIds: string[] = [];
  const parts: string[] = [];
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    runIds.push(run.runId);
    const history = await client.workflow.getHandle(workflowId, run.runId).fetchHistory();
    const payloads: RawPayload[] = [];
    payloadsIn(history, payloads);
    const opened = await codec.decode(
      payloads.map((p) => ({ metadata: p.metadata ?? {}, data: p.data ?? undefined })),
    );
    for (const p of opened) parts.push(Buffer.from(p.data ?? new Uint8Array()).toString('utf8'));
    parts.push(
      JSON.stringify(history, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v)),
    );
  }
  return { runIds, text: parts.join('\n') };
}
