import type { AppRouter } from '@donghanh/api';
import type { inferRouterOutputs } from '@trpc/server';

type Out = inferRouterOutputs<AppRouter>;
export type CaseDetail = Out['case']['get'];
export type CaseIdentity = NonNullable<CaseDetail['identity']>;
export type CaseEvent = CaseDetail['events'][number];
export type CaseCheckIn = CaseDetail['checkIns'][number];
export type CasePlan = CaseDetail['plans'][number];
export type CaseEvaluation = CaseDetail['evaluations'][number];
export type CaseTask = CaseDetail['tasks'][number];
