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

/** One step of the lifecycle baseline: one no-op activity; returns how many steps ran so far. */
export const bareStepUpdate = defineUpdate<number>('bareStep');

/**
 * Baseline for the case lifecycle: the same number of updates on one long-lived workflow (the
 * first through update-with-start), each running one no-op activity. Stays open, like a case.
 */
export async function bareLifecycleWorkflow(): Promise<void> {
  let steps = 0;
  setHandler(bareStepUpdate, async () => {
    await noop();
    steps += 1;
    return steps;
  });
  await condition(() => false);
}
