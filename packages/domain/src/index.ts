export * from './campaign';
export * from './case-code';
export * from './case-schemas';
export * from './case-stage';
export * from './categories';
export * from './errors';
export * from './live-event';
export * from './vietnamese-names';
