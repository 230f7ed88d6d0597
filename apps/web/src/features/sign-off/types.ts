import type { AppRouter } from '@donghanh/api';
import type { inferRouterOutputs } from '@trpc/server';

type Out = inferRouterOutputs<AppRouter>;
export type InboxTask = Out['task']['inbox'][number];
export type CaseDetail = Out['case']['get'];
export type CaseEvaluation = CaseDetail['evaluations'][number];
