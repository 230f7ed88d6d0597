export * from './pure';
export * from './schema';
export * from './validate-settings';
