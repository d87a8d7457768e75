import type { Database } from 'better-sqlite3';
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

interface ReplayBatchRow {
  seq: number;
  event_count: number;
  first_event_us: number;
  last_event_us: number;
  payload: Buffer;
}

/**
 * The SQLite replay path: the batch and its session summary in one IMMEDIATE
 * transaction (the write lock is taken first, so the session row read for the URL
 * merge and the insight carry cannot change before the update).
 */
export function createSqliteReplayStorage(
  db: Database,
): Pick<Store, 'insertReplayBatch' | 'listReplayBatches' | 'settleOpenInsights'> {
  // OR IGNORE: a batch sent twice (a retry after a lost response) is stored once
  const insertBatch = db.prepare(
    `INSERT OR IGNORE INTO replay_batches
       (org_id, session_id, seq, received_us, first_event_us, last_event_us, event_count, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const linkTrace = db.prepare('INSERT OR IGNORE INTO session_traces (org_id, session_id, trace_id) VALUES (?, ?, ?)');
  const ensureSession = db.prepare(
    `INSERT INTO sessions (org_id, session_id, started_us, ended_us) VALUES (?, ?, ?, ?)
     ON CONFLICT (org_id, session_id) DO NOTHING`,
  );
  const readLists = db.prepare<[number, string], StoredReplayLists & StoredInsightState>(
    `SELECT first_url, urls, user_traits, insight_carry, insight_carry_seq FROM sessions
     WHERE org_id = ? AND session_id = ?`,
  );
  const readInsights = db
    .prepare<[number, string], string>('SELECT insights FROM sessions WHERE org_id = ? AND session_id = ?')
    .pluck();
  // the user-agent columns move together: the first batch that has a user agent sets them
  const updateSession = db.prepare(
    `UPDATE sessions SET
       user_id = coalesce(@userId, user_id),
       started_us = min(started_us, @firstUs),
       ended_us = max(ended_us, @lastUs),
       has_replay = 1,
       first_url = @firstUrl,
       urls = @urlsJson,
       user_traits = @userTraitsJson,
       page_count = page_count + @pageCount,
       active_ms = active_ms + @activeMs,
       click_count = click_count + @clickCount,
       js_error_count = js_error_count + @jsErrorCount,
       console_error_count = console_error_count + @consoleErrorCount,
       failed_request_count = failed_request_count + @failedRequestCount,
       event_count = event_count + @eventCount,
       replay_bytes = replay_bytes + @replayBytes,
       previous_session_id = coalesce(previous_session_id, @previousSessionId),
       browser = CASE WHEN user_agent IS NULL THEN @browser ELSE browser END,
       browser_version = CASE WHEN user_agent IS NULL THEN @browserVersion ELSE browser_version END,
       os = CASE WHEN user_agent IS NULL THEN @os ELSE os END,
       device_type = CASE WHEN user_agent IS NULL THEN @deviceType ELSE device_type END,
       user_agent = coalesce(user_agent, @userAgent),
       insights = coalesce(@insightsJson, insights),
       rage_click_count = rage_click_count + @rageClickCount,
       dead_click_count = dead_click_count + @deadClickCount,
       double_submit_count = double_submit_count + @doubleSubmitCount,
       error_click_count = error_click_count + @errorClickCount,
       slow_frame_count = slow_frame_count + @slowFrameCount,
       insight_carry = coalesce(@carryJson, insight_carry),
       insight_carry_seq = coalesce(@carrySeq, insight_carry_seq),
       insight_open_us = CASE WHEN @carryOpen IS NULL THEN insight_open_us WHEN @carryOpen = 1 THEN @receivedUs END,
       clock_offset_ms = CASE WHEN clock_offset_ms IS NULL OR @clockOffsetMs < clock_offset_ms
         THEN coalesce(@clockOffsetMs, clock_offset_ms) ELSE clock_offset_ms END
     WHERE org_id = @orgId AND session_id = @sessionId`,
  );
  const listOpen = db.prepare<[number, number], { org_id: number; session_id: string }>(
    `SELECT org_id, session_id FROM sessions WHERE insight_open_us < ? ORDER BY insight_open_us LIMIT ?`,
  );
  const readOpen = db.prepare<[number, string], StoredInsightState & { insight_open_us: number | null }>(
    `SELECT insight_carry, insight_carry_seq, insight_open_us FROM sessions WHERE org_id = ? AND session_id = ?`,
  );
  const writeSettled = db.prepare(
    `UPDATE sessions SET
       insights = coalesce(@insightsJson, insights),
       rage_click_count = rage_click_count + @rageClickCount,
       dead_click_count = dead_click_count + @deadClickCount,
       double_submit_count = double_submit_count + @doubleSubmitCount,
       error_click_count = error_click_count + @errorClickCount,
       slow_frame_count = slow_frame_count + @slowFrameCount,
       insight_carry = @carryJson,
       insight_open_us = NULL
     WHERE org_id = @orgId AND session_id = @sessionId`,
  );
  const listBatches = db.prepare<[number, string, number, number], ReplayBatchRow>(
    `SELECT seq, event_count, first_event_us, last_event_us, payload FROM replay_batches
     WHERE org_id = ? AND session_id = ? AND seq >= ? ORDER BY seq LIMIT ?`,
  );

  const write = db.transaction(
    (orgId: number, batch: ReplayBatchRecord, activity: SessionReplayActivity): { stored: boolean } => {
      const { changes } = insertBatch.run(
        orgId,
        batch.sessionId,
        batch.seq,
        batch.receivedUs,
        batch.firstEventUs,
        batch.lastEventUs,
        batch.eventCount,
        batch.payload,
      );
      if (changes === 0) return { stored: false };
      ensureSession.run(orgId, activity.sessionId, activity.firstUs, activity.lastUs);
      for (const traceId of activity.traceIds) linkTrace.run(orgId, activity.sessionId, traceId);
      const stored = readLists.get(orgId, activity.sessionId);
      const lists = mergeReplayLists(stored, activity, batch.seq);
      const analysis = analyzeBatchInsights(stored, batch.seq, activity.insightSignals);
      const storedList = changesInsightList(analysis) ? readInsights.get(orgId, activity.sessionId) : undefined;
      const insights = mergeInsightList(storedList, analysis);
      updateSession.run({
        orgId,
        sessionId: activity.sessionId,
        userId: activity.userId,
        firstUs: activity.firstUs,
        lastUs: activity.lastUs,
        ...lists,
        pageCount: activity.pageCount,
        activeMs: activity.activeMs,
        clickCount: activity.clickCount,
        jsErrorCount: activity.jsErrorCount,
        consoleErrorCount: activity.consoleErrorCount,
        failedRequestCount: activity.failedRequestCount,
        eventCount: activity.eventCount,
        replayBytes: activity.replayBytes,
        previousSessionId: activity.previousSessionId,
        userAgent: activity.userAgent,
        browser: activity.browser,
        browserVersion: activity.browserVersion,
        os: activity.os,
        deviceType: activity.deviceType,
        insightsJson: insights.insightsJson,
        ...countParameters(insights),
        carryJson: insights.carryJson,
        carrySeq: insights.carrySeq,
        carryOpen: insights.carryOpen,
        receivedUs: batch.receivedUs,
        clockOffsetMs: activity.clockOffsetMs,
      });
      return { stored: true };
    },
  );

  // re-read under the write lock: a batch may have come (and decided the clicks) since the list
  const settle = db.transaction((orgId: number, sessionId: string, openBeforeUs: number): boolean => {
    const stored = readOpen.get(orgId, sessionId);
    if (stored?.insight_open_us == null || stored.insight_open_us >= openBeforeUs) return false;
    const analysis = settleStoredInsights(stored);
    const storedList = changesInsightList(analysis) ? readInsights.get(orgId, sessionId) : undefined;
    const insights = mergeInsightList(storedList, analysis);
    writeSettled.run({
      orgId,
      sessionId,
      insightsJson: insights.insightsJson,
      ...countParameters(insights),
      carryJson: insights.carryJson ?? stored.insight_carry,
    });
    return true;
  });

  return {
    async insertReplayBatch(orgId, batch, activity) {
      return write.immediate(orgId, batch, activity);
    },
    async settleOpenInsights(openBeforeMs, limit) {
      const openBeforeUs = Math.floor(openBeforeMs * 1000);
      let settled = 0;
      for (const row of listOpen.all(openBeforeUs, limit)) {
        if (settle.immediate(row.org_id, row.session_id, openBeforeUs)) settled += 1;
      }
      return settled;
    },
    async listReplayBatches(orgId, sessionId, options): Promise<StoredReplayBatch[]> {
      return listBatches.all(orgId, sessionId, options.fromSeq, options.limit).map(toStoredReplayBatch);
    },
  };
}

function toStoredReplayBatch(row: ReplayBatchRow): StoredReplayBatch {
  return {
    seq: row.seq,
    eventCount: row.event_count,
    firstEventMs: row.first_event_us / 1000,
    lastEventMs: row.last_event_us / 1000,
    payload: row.payload,
  };
}

function countParameters(insights: InsightMerge) {
  return {
    rageClickCount: insights.counts['rage-click'],
    deadClickCount: insights.counts['dead-click'],
    doubleSubmitCount: insights.counts['double-submit'],
    errorClickCount: insights.counts['error-click'],
    slowFrameCount: insights.counts['slow-frame'],
  };
}
