export * from './headers';
export * from './issues';
export * from './new-year';
export * from './plan';
export * from './rows';
