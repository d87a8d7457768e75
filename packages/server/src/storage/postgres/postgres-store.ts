import { decodeCursor, encodeCursor } from '../internal/cursor.js';
import { type LogRow, mapLogRow, mapSpanRow, type SpanRow } from '../internal/row-mappers.js';
import type {
  ApiKeyRecord,
  LogListOptions,
  Org,
  Page,
  QueryResult,
  ReadOnlyQueryOptions,
  Store,
  StoredLog,
  StoredSpan,
  TelemetryBatch,
} from '../store.js';
import { postgresMigrations } from './migrations.js';
import { migratePostgres } from './migrator.js';
import { createPartitionKeeper, DEFAULT_PARTITION_WINDOW, PARTITIONED_TABLES } from './partitions.js';
import { createPgPool, withPoolClient } from './pool.js';
import { runPostgresReadOnlyQuery } from './read-only-query.js';
import { createPostgresReplayStorage } from './replay-storage.js';
import { createPostgresSessionQueries } from './session-queries.js';
import { createTelemetryWriter } from './telemetry-writer.js';
import { createPostgresUiSessionStorage } from './ui-session-storage.js';

const SPAN_COLUMNS = `s.trace_id, s.span_id, s.parent_span_id, s.name, s.kind, s.service_name, s.start_us, s.end_us,
  s.status_code, s.status_message, s.session_id, s.attributes, r.attributes AS resource, s.scope, s.events, s.links`;
const LOG_COLUMNS = `l.time_us, l.observed_us, l.severity_number, l.severity_text, l.body, l.trace_id, l.span_id,
  l.service_name, l.session_id, l.attributes, r.attributes AS resource`;
const ORG_COLUMNS = 'id, name, created_us / 1000 AS "createdAtMs"';

const SQL = {
  insertOrg: `INSERT INTO orgs (name, created_us) VALUES ($1, $2) RETURNING ${ORG_COLUMNS}`,
  orgByName: `SELECT ${ORG_COLUMNS} FROM orgs WHERE name = $1`,
  orgs: `SELECT ${ORG_COLUMNS} FROM orgs ORDER BY id`,
  insertKey: 'INSERT INTO api_keys (hash, org_id, kind, prefix, created_us) VALUES ($1, $2, $3, $4, $5)',
  keyByHash: 'SELECT hash, org_id AS "orgId", kind, prefix FROM api_keys WHERE hash = $1',
  sessionTraceSpans: `SELECT ${SPAN_COLUMNS} FROM spans s
    LEFT JOIN resources r ON r.org_id = s.org_id AND r.id = s.resource_id
    WHERE s.org_id = $1 AND s.trace_id IN (
      SELECT trace_id FROM spans WHERE org_id = $1 AND trace_id IN (
        SELECT trace_id FROM spans WHERE org_id = $1 AND session_id = $2
        UNION ALL SELECT trace_id FROM session_traces WHERE org_id = $1 AND session_id = $2)
      GROUP BY trace_id ORDER BY min(start_us) LIMIT $3)
    ORDER BY s.start_us, s.span_id`,
  sessionOfTrace: 'SELECT session_id FROM session_traces WHERE org_id = $1 AND trace_id = $2 LIMIT 1',
  // (time_us, id): PostgreSQL has no rowid, the identity column is the stable tiebreak
  sessionLogs: `SELECT l.id, ${LOG_COLUMNS} FROM logs l
    LEFT JOIN resources r ON r.org_id = l.org_id AND r.id = l.resource_id
    WHERE l.org_id = $1 AND l.session_id = $2 AND (l.time_us, l.id) > ($3, $4)
    ORDER BY l.time_us, l.id LIMIT $5`,
  traceSpans: `SELECT ${SPAN_COLUMNS} FROM spans s
    LEFT JOIN resources r ON r.org_id = s.org_id AND r.id = s.resource_id
    WHERE s.org_id = $1 AND s.trace_id = $2 ORDER BY s.start_us, s.span_id`,
  traceLogs: `SELECT ${LOG_COLUMNS} FROM logs l
    LEFT JOIN resources r ON r.org_id = l.org_id AND r.id = l.resource_id
    WHERE l.org_id = $1 AND l.trace_id = $2 ORDER BY l.time_us, l.id LIMIT $3`,
} as const;

export interface PostgresStoreOptions {
  /** A `postgres://` URL. */
  connectionString: string;
  /**
   * Errors of idle pooled connections (the server restarted, a socket dropped); the
   * pool replaces the connection either way.
   * @default ignore them
   */
  onConnectionError?: (error: Error) => void;
  /**
   * The clock, in ms, that decides which daily partitions are made.
   * @default Date.now
   */
  now?: () => number;
}

/** Connections `POST /api/query` may hold at once, apart from the store's own pool. */
const QUERY_POOL_SIZE = 4;

/**
 * The production engine: PostgreSQL shared by any number of stateless Sightline
 * servers. Migrates on open (safe with several replicas starting at once) and makes
 * the daily partitions around now before resolving.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = createPgPool({
    connectionString: options.connectionString,
    onError: options.onConnectionError ?? (() => undefined),
  });
  const partitions = createPartitionKeeper(options.now ?? Date.now, DEFAULT_PARTITION_WINDOW);
  try {
    await migratePostgres(pool, postgresMigrations);
    await withPoolClient(pool, async (client) => {
      await partitions.loadExisting(client);
      for (const table of PARTITIONED_TABLES) await partitions.ensurePartitions(client, table, []);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  // `POST /api/query` gets connections of its own: a few slow queries (up to the query
  // time limit each) then wait for one another instead of holding the ones ingest needs
  const queryPool = createPgPool({
    connectionString: options.connectionString,
    onError: options.onConnectionError ?? (() => undefined),
    max: QUERY_POOL_SIZE,
    applicationName: 'sightline-query',
  });
  const writer = createTelemetryWriter(pool, partitions);
  const replay = createPostgresReplayStorage(pool);
  const sessions = createPostgresSessionQueries(pool);
  const uiSessions = createPostgresUiSessionStorage(pool);

  return {
    engine: 'postgres',

    async createOrg(name: string): Promise<Org> {
      const { rows } = await pool.query<Org>(SQL.insertOrg, [name, Date.now() * 1000]);
      const org = rows[0];
      if (!org) throw new Error(`could not create org '${name}'`);
      return org;
    },
    async findOrgByName(name: string): Promise<Org | undefined> {
      return (await pool.query<Org>(SQL.orgByName, [name])).rows[0];
    },
    async listOrgs(): Promise<Org[]> {
      return (await pool.query<Org>(SQL.orgs)).rows;
    },
    async addApiKey(key: ApiKeyRecord): Promise<void> {
      await pool.query(SQL.insertKey, [key.hash, key.orgId, key.kind, key.prefix, Date.now() * 1000]);
    },
    async findApiKey(hash: string): Promise<ApiKeyRecord | undefined> {
      return (await pool.query<ApiKeyRecord>(SQL.keyByHash, [hash])).rows[0];
    },

    insertTelemetry(orgId: number, batch: TelemetryBatch): Promise<void> {
      return writer.write(orgId, batch);
    },
    ...uiSessions,
    insertReplayBatch: replay.insertReplayBatch,
    listReplayBatches: replay.listReplayBatches,
    settleOpenInsights: replay.settleOpenInsights,

    listSessions: sessions.listSessions,
    getSession: sessions.getSession,
    async listSessionTraceSpans(orgId: number, sessionId: string, maxTraces: number): Promise<StoredSpan[]> {
      return (await pool.query<SpanRow>(SQL.sessionTraceSpans, [orgId, sessionId, maxTraces])).rows.map(mapSpanRow);
    },
    async listSessionLogs(orgId: number, sessionId: string, options: LogListOptions): Promise<Page<StoredLog>> {
      const [afterUs, afterId] = options.cursor
        ? (decodeCursor(options.cursor, ['number', 'number']) as [number, number])
        : [Number.MIN_SAFE_INTEGER, 0];
      const { rows } = await pool.query<LogRow & { id: number }>(SQL.sessionLogs, [
        orgId,
        sessionId,
        afterUs,
        afterId,
        options.limit + 1,
      ]);
      const page = rows.slice(0, options.limit);
      const last = page.at(-1);
      return {
        items: page.map(mapLogRow),
        nextCursor: rows.length > options.limit && last ? encodeCursor([last.time_us, last.id]) : null,
      };
    },
    async listTraceSpans(orgId: number, traceId: string): Promise<StoredSpan[]> {
      return (await pool.query<SpanRow>(SQL.traceSpans, [orgId, traceId])).rows.map(mapSpanRow);
    },
    async findSessionOfTrace(orgId: number, traceId: string): Promise<string | undefined> {
      return (await pool.query<{ session_id: string }>(SQL.sessionOfTrace, [orgId, traceId])).rows[0]?.session_id;
    },
    async listTraceLogs(orgId: number, traceId: string, limit: number): Promise<StoredLog[]> {
      return (await pool.query<LogRow>(SQL.traceLogs, [orgId, traceId, limit])).rows.map(mapLogRow);
    },

    runReadOnlyQuery(orgId: number, sql: string, options: ReadOnlyQueryOptions): Promise<QueryResult> {
      return runPostgresReadOnlyQuery(queryPool, orgId, sql, options);
    },

    async close(): Promise<void> {
      await Promise.all([pool.end(), queryPool.end()]);
    },
  };
}
