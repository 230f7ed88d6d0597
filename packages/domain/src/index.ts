export * from './api-limits';
export * from './board-audience';
export * from './campaign';
export * from './case-code';
export * from './case-schemas';
export * from './case-stage';
export * from './case-step-schemas';
export * from './case-views';
export * from './categories';
// class-list import and the new school year (issue 12, part 1)
export * from './class-list';
export * from './errors';
export * from './identity-rule';
export * from './live-event';
export * from './notifications';
export * from './organisation';
export * from './privacy-law';
export * from './pupil-age';
// Free text that names a pupil (privacy fixes)
export * from './pupil-names-in-text';
// Report rounds and figures (issue 12, parts 2–4)
export * from './report';
export * from './schema-messages-en';
export * from './vietnamese-names';
export * from './volunteer/rank-helpers';
