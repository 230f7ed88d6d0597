import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/** The one activity the bare baseline runs: does nothing, so only Temporal's own cost remains. */
export interface BareActivities {
  noop(): Promise<void>;
}

const { noop } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

export const bareUpdate = defineUpdate<void>('bareUpdate');

/**
 * Baseline for `case.identify`: the same update-with-start shape (the update returns once one
 * activity has completed) but with a no-op activity, no database and no API in front.
 */
export async function bareWorkflow(): Promise<void> {
  let done = false;
  setHandler(bareUpdate, async () => {
    await noop();
    done = true;
  });
  await condition(() => done);
}
