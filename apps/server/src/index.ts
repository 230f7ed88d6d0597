export { type RunningServer, startServer } from './app';
export { loadConfig, type ServerConfig } from './config';
