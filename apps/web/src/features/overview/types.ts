import type { AppRouter } from '@donghanh/api';
import type { inferRouterOutputs } from '@trpc/server';

export type SchoolSummary = inferRouterOutputs<AppRouter>['board']['summary'][number];
