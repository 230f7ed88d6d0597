export * from './demo-data';
export { DEMO_PASSWORD, loadDemoOrganisation, setDemoPasswords } from './load-demo-org';
