import type { AppRouter } from '@donghanh/api';
import type { inferRouterOutputs } from '@trpc/server';

type Out = inferRouterOutputs<AppRouter>;
export type CaseConsentView = Out['consent']['get'];
export type ConsentRecording = NonNullable<CaseConsentView['current']>;
export type SubjectRequestRow = Out['privacy']['subjectRequest']['list'][number];
export type SubjectDocument = Out['privacy']['subjectRequest']['export'];
export type ProcessingRecordView = Out['privacy']['records']['processing'];
export type BreachRow = Out['privacy']['breach']['list'][number];
