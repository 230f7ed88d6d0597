export * from './pure';
export * from './schema';
