export { type CaseActivities, type CaseActivityDeps, createCaseActivities } from './case-activities';
