import type { AppRouter } from '@donghanh/api';
import type { inferRouterOutputs } from '@trpc/server';

type Out = inferRouterOutputs<AppRouter>;
export type StudentHit = Out['student']['search'][number];
export type IdentifyResult = Out['case']['identify'];
