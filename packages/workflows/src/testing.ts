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
      ],
    },
  });
}
