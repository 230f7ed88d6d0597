// The zod-free part of the privacy-law module, for workflow code (deterministic sandbox): the
// child's age, the answer deadlines, the erase-on day and legal holds.
export * from './age';
export * from './deadlines';
