import { identifyCase } from '../operations/case/identify-case';
import { screenCase } from '../operations/case/screen-case';
import { createRouter, publicProcedure } from '../trpc';
import { identifyInput, screenInput } from './case.schema';
import { caseStepProcedures } from './case-steps';

export const caseRouter = createRouter({
  // Still open while the dashboard, the demo loader and the board test sign in (issue 4).
  identify: publicProcedure.input(identifyInput).mutation(({ ctx, input }) => identifyCase(ctx, input)),
  screen: publicProcedure.input(screenInput).mutation(({ ctx, input }) => screenCase(ctx, input)),
  ...caseStepProcedures,
});
