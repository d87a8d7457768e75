import type pg from 'pg';
import {
  analyzeBatchInsights,
  changesInsightList,
  type InsightMerge,
  mergeInsightList,
  type StoredInsightState,
  settleStoredInsights,
} from '../internal/merge-insights.js';
import { mergeReplayLists, type StoredReplayLists } from '../internal/merge-replay-lists.js';
import type { ReplayBatchRecord, SessionReplayActivity, Store, StoredReplayBatch } from '../store.js';
import { withPoolClient } from './pool.js';
import { sanitizeJson, sanitizeText } from './sanitize.js';
import { runInTransaction } from './transaction.js';

// DO NOTHING: a batch sent twice (a retry after a lost response) is stored once;
// RETURNING says whether this one went in
// sorted ids: concurrent batches of one session take the index locks in the same order
const LINK_TRACES = `
  INSERT INTO session_traces (org_id, session_id, trace_id)
  SELECT $1, $2, trace_id FROM unnest($3::text[]) AS trace_id
  ON CONFLICT DO NOTHING`;

const INSERT_BATCH = `
  INSERT INTO replay_batches (org_id, session_id, seq, received_us, first_event_us, last_event_us, event_count, payload)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT DO NOTHING
  RETURNING seq`;

// the row must exist before FOR UPDATE can lock it; a concurrent insert of the same
// session makes this wait for that transaction, then do nothing
const ENSURE_SESSION = `
  INSERT INTO sessions (org_id, session_id, started_us, ended_us) VALUES ($1, $2, $3, $4)
  ON CONFLICT (org_id, session_id) DO NOTHING`;

// locked until commit: two batches of one session merge their URL lists, and their
// insights through the carry, one after the other
const LOCK_SESSION = `
  SELECT first_url, urls, user_traits, insight_carry, insight_carry_seq FROM sessions
  WHERE org_id = $1 AND session_id = $2 FOR UPDATE`;

// read only when a batch found something: the list can hold 500 findings
const READ_INSIGHTS = 'SELECT insights FROM sessions WHERE org_id = $1 AND session_id = $2';

// the user-agent columns move together: the first batch that has a user agent sets them
const UPDATE_SESSION = `
  UPDATE sessions SET
    user_id = coalesce($3, user_id),
    started_us = least(started_us, $4),
    ended_us = greatest(ended_us, $5),
    has_replay = true,
    first_url = $6,
    urls = $7::jsonb,
    user_traits = $8::jsonb,
    page_count = page_count + $9,
    active_ms = active_ms + $10,
    click_count = click_count + $11,
    js_error_count = js_error_count + $12,
    console_error_count = console_error_count + $13,
    failed_request_count = failed_request_count + $14,
    event_count = event_count + $15,
    replay_bytes = replay_bytes + $16,
    previous_session_id = coalesce(previous_session_id, $17),
    browser = CASE WHEN user_agent IS NULL THEN $19 ELSE browser END,
    browser_version = CASE WHEN user_agent IS NULL THEN $20 ELSE browser_version END,
    os = CASE WHEN user_agent IS NULL THEN $21 ELSE os END,
    device_type = CASE WHEN user_agent IS NULL THEN $22 ELSE device_type END,
    user_agent = coalesce(user_agent, $18),
    insights = coalesce($23::jsonb, insights),
    rage_click_count = rage_click_count + $24,
    dead_click_count = dead_click_count + $25,
    double_submit_count = double_submit_count + $26,
    error_click_count = error_click_count + $27,
    slow_frame_count = slow_frame_count + $28,
    insight_carry = coalesce($29::jsonb, insight_carry),
    insight_carry_seq = coalesce($30, insight_carry_seq),
    insight_open_us = CASE WHEN $31::int IS NULL THEN insight_open_us WHEN $31::int = 1 THEN $32::bigint END,
    clock_offset_ms = least(clock_offset_ms, $33::bigint)
  WHERE org_id = $1 AND session_id = $2`;

// the oldest first: a backlog is worked off in the order it built up
const LIST_OPEN = `
  SELECT org_id::int AS org_id, session_id FROM sessions
  WHERE insight_open_us < $1 ORDER BY insight_open_us LIMIT $2`;

// locked, then checked again: a batch may have come (and decided the clicks) since the list
const LOCK_OPEN = `
  SELECT insight_carry, insight_carry_seq, insight_open_us FROM sessions
  WHERE org_id = $1 AND session_id = $2 FOR UPDATE`;

const WRITE_SETTLED = `
  UPDATE sessions SET
    insights = coalesce($3::jsonb, insights),
    rage_click_count = rage_click_count + $4,
    dead_click_count = dead_click_count + $5,
    double_submit_count = double_submit_count + $6,
    error_click_count = error_click_count + $7,
    slow_frame_count = slow_frame_count + $8,
    insight_carry = coalesce($9::jsonb, insight_carry),
    insight_open_us = NULL
  WHERE org_id = $1 AND session_id = $2`;

const LIST_BATCHES = `
  SELECT seq, event_count, first_event_us, last_event_us, payload FROM replay_batches
  WHERE org_id = $1 AND session_id = $2 AND seq >= $3 ORDER BY seq LIMIT $4`;

interface ReplayBatchRow {
  seq: number;
  event_count: number;
  first_event_us: number;
  last_event_us: number;
  payload: Buffer;
}

/**
 * The PostgreSQL replay path: the batch and its session summary in one transaction.
 * A batch is one session, so each statement writes one row; the session row is locked
 * (`FOR UPDATE`) before its URL list and traits are merged, so replicas storing batches
 * of one session at once lose none of them.
 */
export function createPostgresReplayStorage(
  pool: pg.Pool,
): Pick<Store, 'insertReplayBatch' | 'listReplayBatches' | 'settleOpenInsights'> {
  return {
    async settleOpenInsights(openBeforeMs, limit) {
      const openBeforeUs = Math.floor(openBeforeMs * 1000);
      const { rows } = await pool.query<{ org_id: number; session_id: string }>(LIST_OPEN, [openBeforeUs, limit]);
      let settled = 0;
      for (const row of rows) {
        const done = await withPoolClient(pool, (client) =>
          runInTransaction(client, () => settleSession(client, row.org_id, row.session_id, openBeforeUs)),
        );
        if (done) settled += 1;
      }
      return settled;
    },
    insertReplayBatch(orgId, batch, activity) {
      return withPoolClient(pool, (client) =>
        runInTransaction(client, () => writeReplayBatch(client, orgId, batch, sanitizeActivity(activity))),
      );
    },
    async listReplayBatches(orgId, sessionId, options): Promise<StoredReplayBatch[]> {
      const { rows } = await pool.query<ReplayBatchRow>(LIST_BATCHES, [
        orgId,
        sessionId,
        options.fromSeq,
        options.limit,
      ]);
      return rows.map((row) => ({
        seq: row.seq,
        eventCount: row.event_count,
        firstEventMs: row.first_event_us / 1000,
        lastEventMs: row.last_event_us / 1000,
        payload: row.payload,
      }));
    },
  };
}

async function writeReplayBatch(
  client: pg.PoolClient,
  orgId: number,
  batch: ReplayBatchRecord,
  activity: SessionReplayActivity,
): Promise<{ stored: boolean }> {
  const inserted = await client.query(INSERT_BATCH, [
    orgId,
    batch.sessionId,
    batch.seq,
    batch.receivedUs,
    batch.firstEventUs,
    batch.lastEventUs,
    batch.eventCount,
    batch.payload,
  ]);
  if (inserted.rowCount === 0) return { stored: false };
  await client.query(ENSURE_SESSION, [orgId, activity.sessionId, activity.firstUs, activity.lastUs]);
  if (activity.traceIds.length > 0) {
    await client.query(LINK_TRACES, [orgId, activity.sessionId, [...activity.traceIds].sort()]);
  }
  const { rows } = await client.query<StoredReplayLists & StoredInsightState>(LOCK_SESSION, [
    orgId,
    activity.sessionId,
  ]);
  const lists = mergeReplayLists(rows[0], activity, batch.seq);
  const analysis = analyzeBatchInsights(rows[0], batch.seq, activity.insightSignals);
  const storedList = changesInsightList(analysis)
    ? (await client.query<{ insights: unknown }>(READ_INSIGHTS, [orgId, activity.sessionId])).rows[0]?.insights
    : undefined;
  const storedInsights = mergeInsightList(storedList, analysis);
  await client.query(UPDATE_SESSION, [
    orgId,
    activity.sessionId,
    activity.userId,
    activity.firstUs,
    activity.lastUs,
    lists.firstUrl,
    sanitizeJson(lists.urlsJson),
    sanitizeJson(lists.userTraitsJson),
    activity.pageCount,
    activity.activeMs,
    activity.clickCount,
    activity.jsErrorCount,
    activity.consoleErrorCount,
    activity.failedRequestCount,
    activity.eventCount,
    activity.replayBytes,
    activity.previousSessionId,
    activity.userAgent,
    activity.browser,
    activity.browserVersion,
    activity.os,
    activity.deviceType,
    sanitizeJson(storedInsights.insightsJson),
    ...countParameters(storedInsights),
    sanitizeJson(storedInsights.carryJson),
    storedInsights.carrySeq,
    storedInsights.carryOpen,
    batch.receivedUs,
    activity.clockOffsetMs,
  ]);
  return { stored: true };
}

async function settleSession(
  client: pg.PoolClient,
  orgId: number,
  sessionId: string,
  openBeforeUs: number,
): Promise<boolean> {
  const { rows } = await client.query<StoredInsightState & { insight_open_us: string | number | null }>(LOCK_OPEN, [
    orgId,
    sessionId,
  ]);
  const stored = rows[0];
  if (stored?.insight_open_us == null || Number(stored.insight_open_us) >= openBeforeUs) return false;
  const analysis = settleStoredInsights(stored);
  const storedList = changesInsightList(analysis)
    ? (await client.query<{ insights: unknown }>(READ_INSIGHTS, [orgId, sessionId])).rows[0]?.insights
    : undefined;
  const insights = mergeInsightList(storedList, analysis);
  await client.query(WRITE_SETTLED, [
    orgId,
    sessionId,
    sanitizeJson(insights.insightsJson),
    ...countParameters(insights),
    sanitizeJson(insights.carryJson),
  ]);
  return true;
}

function countParameters(insights: InsightMerge): number[] {
  return [
    insights.counts['rage-click'],
    insights.counts['dead-click'],
    insights.counts['double-submit'],
    insights.counts['error-click'],
    insights.counts['slow-frame'],
  ];
}

/** PostgreSQL refuses NUL in text and some escapes in jsonb; page URLs and traits come from browsers. */
function sanitizeActivity(activity: SessionReplayActivity): SessionReplayActivity {
  return {
    ...activity,
    userId: sanitizeText(activity.userId),
    userTraitsJson: sanitizeJson(activity.userTraitsJson),
    urls: activity.urls.map((url) => sanitizeText(url)),
    userAgent: sanitizeText(activity.userAgent),
    browser: sanitizeText(activity.browser),
    browserVersion: sanitizeText(activity.browserVersion),
    os: sanitizeText(activity.os),
    deviceType: sanitizeText(activity.deviceType),
  };
}
