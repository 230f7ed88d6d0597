export { DEMO_PASSWORD, signedInClient } from './signed-in-client';
export { startTestStack, type TestStack, type TestStackOptions } from './start-test-stack';
