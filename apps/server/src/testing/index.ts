export { DEMO_PASSWORD, signedInClient, signIn } from './signed-in-client';
export { startTestStack, type TestStack, type TestStackOptions } from './start-test-stack';
