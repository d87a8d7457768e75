import assert from 'node:assert/strict';
import { after, before, describe, it, test } from 'node:test';
import { createPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import type { Store } from '../../src/storage/store.js';
import { checkPostgresAvailable } from '../support/postgres-availability.js';
import { createTestPostgresDatabase } from '../support/postgres-database.js';
import { makeBatch, makeSpan } from '../support/telemetry-fixtures.js';

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
  test('PostgreSQL: slow SQL queries and ingest', { skip: availability.skipReason }, () => {});
} else {
  describe('PostgreSQL: slow SQL queries and ingest', () => {
    let store: Store;
    let drop: () => Promise<void>;
    let orgId: number;
    before(async () => {
      const database = await createTestPostgresDatabase();
      drop = database.drop;
      store = await createPostgresStore({ connectionString: database.url });
      orgId = (await store.createOrg('query-pool')).id;
      await store.insertTelemetry(orgId, makeBatch(Array.from({ length: 1500 }, () => makeSpan())));
    });
    after(async () => {
      await store?.close();
      await drop?.();
    });

    it('stores and serves spans while more slow queries run than the store has connections', async () => {
      // 12 queries that each run to their time limit: more than the store pool's 10 connections
      let firstQueryDone = false;
      const slow = Promise.allSettled(
        Array.from({ length: 12 }, () =>
          store
            .runReadOnlyQuery(orgId, 'SELECT count(*) FROM traces a, traces b, traces c', {
              timeoutMs: 1500,
              maxRows: 10,
            })
            .finally(() => {
              firstQueryDone = true;
            }),
        ),
      );

      const span = makeSpan({ name: 'POST /api/orders' });
      await store.insertTelemetry(orgId, makeBatch([span]));
      const stored = await store.listTraceSpans(orgId, span.traceId);
      assert.equal(firstQueryDone, false, 'ingest and reads did not wait for a query to give its connection back');
      assert.deepEqual(
        stored.map((row) => row.name),
        ['POST /api/orders'],
      );

      const results = await slow;
      assert.ok(
        results.every((result) => result.status === 'rejected'),
        'each slow query stopped at its limit',
      );
    });
  });
}
