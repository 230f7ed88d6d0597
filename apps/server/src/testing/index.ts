export { startTestStack, type TestStack, type TestStackOptions } from './start-test-stack';
