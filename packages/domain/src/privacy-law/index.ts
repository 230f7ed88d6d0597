export * from './age';
export * from './deadlines';
export * from './processing-record';
export * from './register';
export * from './schemas';
export * from './settings-schema';
