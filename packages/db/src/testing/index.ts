export { createTestDatabase, type TestDatabase, withDatabase } from './test-database';
