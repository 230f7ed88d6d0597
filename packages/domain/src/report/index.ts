export * from './commendation';
export * from './pure';
export * from './schemas';
