import { test } from 'node:test';
import { createPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { checkPostgresAvailable } from '../support/postgres-availability.js';
import { createTestPostgresDatabase } from '../support/postgres-database.js';
import { describeReadOnlyQueryConformance } from './read-only-query.conformance.js';

// rejects when SIGHTLINE_REQUIRE_POSTGRES=1 and the server is down: that must fail, not skip
const availability = await checkPostgresAvailable().then(
  (skipReason) => ({ skipReason, failure: undefined }),
  (error: unknown) => ({ skipReason: undefined, failure: error }),
);

if (availability.failure) {
  test('PostgreSQL is reachable', () => {
    throw availability.failure;
  });
} else if (availability.skipReason) {
  test('read-only SQL conformance: postgres', { skip: availability.skipReason }, () => {});
} else {
  describeReadOnlyQueryConformance('postgres', async () => {
    const database = await createTestPostgresDatabase();
    const store = await createPostgresStore({ connectionString: database.url });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  });
}
