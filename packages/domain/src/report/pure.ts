// The zod-free part of the report module, for workflow code.
export * from './figures';
export * from './live';
export * from './round';
