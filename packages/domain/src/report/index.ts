export * from './pure';
export * from './schemas';
