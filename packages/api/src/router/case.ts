import { identifyCase } from '../operations/case/identify-case';
import { screenCase } from '../operations/case/screen-case';
import { createRouter, publicProcedure } from '../trpc';
import { identifyInput, screenInput } from './case.schema';

export const caseRouter = createRouter({
  identify: publicProcedure.input(identifyInput).mutation(({ ctx, input }) => identifyCase(ctx, input)),
  screen: publicProcedure.input(screenInput).mutation(({ ctx, input }) => screenCase(ctx, input)),
});
