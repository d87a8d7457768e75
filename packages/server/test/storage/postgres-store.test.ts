import assert from 'node:assert/strict';
import { after, before, describe, it, test } from 'node:test';
import pg from 'pg';
import { postgresMigrations } from '../../src/storage/postgres/migrations.js';
import { getPartitionName, toDayNumber } from '../../src/storage/postgres/partitions.js';
import { createPgPool } from '../../src/storage/postgres/pool.js';
import { createPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import type { Store } from '../../src/storage/store.js';
import { checkPostgresAvailable } from '../support/postgres-availability.js';
import { createTestPostgresDatabase, type TestPostgresDatabase } from '../support/postgres-database.js';
import { makeBatch, makeLog, makeSpan } from '../support/telemetry-fixtures.js';
import { describeReplayConformance } from './replay-conformance.js';
import { describeReplayInsightConformance } from './replay-insight-conformance.js';
import { describeSessionSearchConformance } from './session-search-conformance.js';
import { describeStoreConformance, type StoreHarness } from './store-conformance.js';

const DAY_MS = 86_400_000;

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
  test('Store conformance: postgres', { skip: availability.skipReason }, () => {});
  test('PostgreSQL engine', { skip: availability.skipReason }, () => {});
} else {
  const openPostgresStore = async (): Promise<StoreHarness> => {
    const database = await createTestPostgresDatabase();
    const store = await createPostgresStore({ connectionString: database.url });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  };
  describeStoreConformance('postgres', openPostgresStore);
  describeReplayConformance('postgres', openPostgresStore);
  describeReplayInsightConformance('postgres', openPostgresStore);
  describeSessionSearchConformance('postgres', openPostgresStore);
  describePostgresEngine();
}

function describePostgresEngine(): void {
  describe('PostgreSQL engine', () => {
    let database: TestPostgresDatabase;
    let store: Store;
    let inspector: pg.Client;
    let orgId: number;
    const extraStores: Store[] = [];

    before(async () => {
      database = await createTestPostgresDatabase();
      store = await createPostgresStore({ connectionString: database.url });
      inspector = new pg.Client({ connectionString: database.url });
      await inspector.connect();
      orgId = (await store.createOrg('pg-engine')).id;
    });
    after(async () => {
      await inspector?.end();
      await Promise.all(extraStores.map((extra) => extra.close()));
      await store?.close();
      await database?.drop();
    });

    async function openStore(now?: () => number): Promise<Store> {
      const extra = await createPostgresStore({ connectionString: database.url, now });
      extraStores.push(extra);
      return extra;
    }

    async function findPartitionsOf(table: 'spans' | 'logs', traceId: string): Promise<string[]> {
      const { rows } = await inspector.query<{ partition: string }>(
        `SELECT DISTINCT tableoid::regclass::text AS partition FROM ${table} WHERE trace_id = $1 ORDER BY 1`,
        [traceId],
      );
      return rows.map((row) => row.partition);
    }

    async function listPartitions(): Promise<string[]> {
      const { rows } = await inspector.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent IN ('spans'::regclass, 'logs'::regclass)`,
      );
      return rows.map((row) => row.name);
    }

    it('applies each migration once when two stores open a fresh database at once', async () => {
      const fresh = await createTestPostgresDatabase();
      try {
        const stores = await Promise.all([
          createPostgresStore({ connectionString: fresh.url }),
          createPostgresStore({ connectionString: fresh.url }),
        ]);
        await Promise.all(stores.map((opened) => opened.close()));
        const reopened = await createPostgresStore({ connectionString: fresh.url });
        await reopened.close();

        const client = new pg.Client({ connectionString: fresh.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ version: number; times: number }>(
            'SELECT version, count(*)::int AS times FROM schema_migrations GROUP BY version ORDER BY version',
          );
          assert.deepEqual(
            rows.map((row) => ({ ...row })),
            postgresMigrations.map((migration) => ({ version: migration.version, times: 1 })),
          );
        } finally {
          await client.end();
        }
      } finally {
        await fresh.drop();
      }
    });

    it("makes today's partitions at start, and today's rows land in them", async () => {
      const today = toDayNumber(Date.now() * 1000);
      const partitions = await listPartitions();
      for (const day of [today - 7, today, today + 2]) {
        assert.ok(partitions.includes(getPartitionName('spans', day)), `spans partition of day ${day}`);
        assert.ok(partitions.includes(getPartitionName('logs', day)), `logs partition of day ${day}`);
      }
      const span = makeSpan();
      await store.insertTelemetry(orgId, makeBatch([span], [makeLog({ traceId: span.traceId })]));
      const day = toDayNumber(span.startUs);
      assert.deepEqual(await findPartitionsOf('spans', span.traceId), [getPartitionName('spans', day)]);
      assert.deepEqual(await findPartitionsOf('logs', span.traceId), [getPartitionName('logs', day)]);
    });

    it('keeps a span and a log from three years ago in the DEFAULT partition, readable', async () => {
      const longAgoUs = (Date.now() - 3 * 365 * DAY_MS) * 1000;
      const sessionId = 'pg-session-long-ago';
      const span = makeSpan({ sessionId, startUs: longAgoUs, endUs: longAgoUs + 2000 });
      const log = makeLog({ sessionId, traceId: span.traceId, timeUs: longAgoUs + 500 });
      await store.insertTelemetry(orgId, makeBatch([span], [log]));

      assert.deepEqual(await findPartitionsOf('spans', span.traceId), ['spans_default']);
      assert.deepEqual(await findPartitionsOf('logs', span.traceId), ['logs_default']);
      const [stored] = await store.listTraceSpans(orgId, span.traceId);
      assert.equal(stored?.startTimeMs, longAgoUs / 1000);
      assert.equal((await store.listTraceLogs(orgId, span.traceId, 10)).length, 1);
      assert.equal((await store.getSession(orgId, sessionId))?.spanCount, 1);
      assert.ok(!(await listPartitions()).includes(getPartitionName('spans', toDayNumber(longAgoUs))));
    });

    it('stores a span whose name and attributes hold NUL, minus the NUL, instead of failing the batch', async () => {
      const span = makeSpan({
        name: 'GET /a\u0000b',
        statusMessage: 'bad\u0000',
        attributesJson: JSON.stringify({ 'key\u0000': 'va\u0000lue', nested: ['x\u0000y'], lone: 'a\ud800b' }),
        eventsJson: JSON.stringify([{ timeUs: 1, name: 'e\u0000', attributes: {} }]),
      });
      const log = makeLog({ traceId: span.traceId, body: 'line\u0000 one', attributesJson: '{"k":"\\u0000"}' });
      await store.insertTelemetry(orgId, makeBatch([span], [log]));

      const [stored] = await store.listTraceSpans(orgId, span.traceId);
      assert.equal(stored?.name, 'GET /ab');
      assert.equal(stored?.statusMessage, 'bad');
      assert.deepEqual(stored?.attributes, { key: 'value', nested: ['xy'], lone: 'a\uFFFDb' });
      assert.equal(stored?.events[0]?.name, 'e');
      const [storedLog] = await store.listTraceLogs(orgId, span.traceId, 10);
      assert.equal(storedLog?.body, 'line one');
      assert.deepEqual(storedLog?.attributes, { k: '' });
    });

    it('makes the partition of a new day on demand when the clock moves past the made window', async () => {
      let nowMs = Date.now();
      const movingStore = await openStore(() => nowMs);
      nowMs += 20 * DAY_MS;
      const current = makeSpan({ startUs: nowMs * 1000 });
      // 15 days before the moved clock: outside the kept window, inside the on-demand one
      const late = makeSpan({ startUs: (nowMs - 15 * DAY_MS) * 1000 });
      await movingStore.insertTelemetry(orgId, makeBatch([current, late]));

      assert.deepEqual(await findPartitionsOf('spans', current.traceId), [
        getPartitionName('spans', toDayNumber(current.startUs)),
      ]);
      assert.deepEqual(await findPartitionsOf('spans', late.traceId), [
        getPartitionName('spans', toDayNumber(late.startUs)),
      ]);
      assert.ok((await listPartitions()).includes(getPartitionName('logs', toDayNumber(current.startUs) + 2)));
    });

    it('keeps ingesting into DEFAULT when a new partition would overlap rows already there', async () => {
      const dayAheadMs = Date.now() + 60 * DAY_MS;
      const early = makeSpan({ startUs: dayAheadMs * 1000 });
      // the real clock: 60 days ahead is outside every window, so this lands in DEFAULT
      await store.insertTelemetry(orgId, makeBatch([early]));
      assert.deepEqual(await findPartitionsOf('spans', early.traceId), ['spans_default']);

      // a replica whose clock says that day is today cannot make its partition now
      const laterStore = await openStore(() => dayAheadMs);
      const sameDay = makeSpan({ startUs: dayAheadMs * 1000 + 1000 });
      await laterStore.insertTelemetry(orgId, makeBatch([sameDay]));
      assert.deepEqual(await findPartitionsOf('spans', sameDay.traceId), ['spans_default']);
      assert.equal((await laterStore.listTraceSpans(orgId, sameDay.traceId)).length, 1);
      // the other days of its window were made as usual
      assert.ok((await listPartitions()).includes(getPartitionName('spans', toDayNumber(dayAheadMs * 1000) + 1)));
    });

    it('counts spans once when two replicas commit the same batch at the same time', async () => {
      const replica = await openStore();
      const sessionId = 'pg-session-race';
      const spans = Array.from({ length: 20 }, (_, i) => makeSpan({ sessionId, statusCode: i % 5 === 0 ? 2 : 0 }));
      await Promise.all([
        store.insertTelemetry(orgId, makeBatch(spans)),
        replica.insertTelemetry(orgId, makeBatch([...spans].reverse())),
      ]);
      const session = await store.getSession(orgId, sessionId);
      assert.equal(session?.spanCount, 20);
      assert.equal(session?.errorCount, 4);
      const traceIds = spans.map((span) => span.traceId);
      const { rows } = await inspector.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM spans WHERE trace_id = ANY($1)',
        [traceIds],
      );
      assert.equal(rows[0]?.n, 20);
    });

    it('counts a span once when one batch holds it twice', async () => {
      const sessionId = 'pg-session-twice';
      const span = makeSpan({ sessionId, statusCode: 2 });
      await store.insertTelemetry(orgId, makeBatch([span, span]));
      assert.equal((await store.listTraceSpans(orgId, span.traceId)).length, 1);
      const session = await store.getSession(orgId, sessionId);
      assert.equal(session?.spanCount, 1);
      assert.equal(session?.errorCount, 1);
    });

    it('pages logs of equal timestamps without gaps or repeats', async () => {
      const sessionId = 'pg-session-same-time';
      const timeUs = Date.now() * 1000;
      const logs = Array.from({ length: 5 }, (_, i) => makeLog({ sessionId, timeUs, body: `same ${i}` }));
      await store.insertTelemetry(orgId, makeBatch([], logs));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listSessionLogs(orgId, sessionId, { limit: 2, cursor });
        seen.push(...page.items.map((log) => log.body ?? ''));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, ['same 0', 'same 1', 'same 2', 'same 3', 'same 4']);
    });

    it('reads BIGINTs and counts as numbers, and keeps a BIGINT past 2^53 exact as text', async () => {
      const pool = createPgPool({ connectionString: database.url, onError: () => undefined });
      try {
        const { rows } = await pool.query('SELECT count(*) AS n, 9007199254740993::bigint AS big');
        assert.deepEqual({ ...rows[0] }, { n: 1, big: '9007199254740993' });
      } finally {
        await pool.end();
      }
    });
  });
}
