// Test helpers for the PostgreSQL backend (`@rapporteur/storage/testing`).
export {
  createTestDatabase,
  DEFAULT_TEST_DATABASE_URL,
  type TestDatabase,
} from "./createTestDatabase";
