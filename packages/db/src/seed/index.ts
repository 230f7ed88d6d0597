export * from './demo-data';
export { loadDemoOrganisation } from './load-demo-org';
