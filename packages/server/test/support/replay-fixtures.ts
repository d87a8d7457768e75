import { gzipSync } from 'node:zlib';
import type { ReplayBatchRecord, SessionReplayActivity, SessionSummary } from '../../src/storage/store.js';

/** The replay fields of a session that never received a replay batch. */
export const NO_REPLAY_SUMMARY = {
  hasReplay: false,
  firstUrl: null,
  urls: [],
  pageCount: 0,
  activeMs: 0,
  userTraits: null,
  userAgent: null,
  browser: null,
  browserVersion: null,
  os: null,
  deviceType: null,
  clickCount: 0,
  jsErrorCount: 0,
  consoleErrorCount: 0,
  failedRequestCount: 0,
  previousSessionId: null,
  replayBytes: 0,
  eventCount: 0,
  rageClickCount: 0,
  deadClickCount: 0,
  doubleSubmitCount: 0,
  errorClickCount: 0,
  slowFrameCount: 0,
  clockOffsetMs: null,
} satisfies Partial<SessionSummary>;

export const CHROME_MAC_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
export const SAFARI_IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1';

export interface TestReplayEvent {
  type: number;
  timestamp: number;
  data?: unknown;
}

/** rrweb events as the recorder sends them (`@rrweb/types` numbers). */
export const replayEvents = {
  meta: (timestamp: number, href: string): TestReplayEvent => ({
    type: 4,
    data: { href, width: 1280, height: 720 },
    timestamp,
  }),
  fullSnapshot: (timestamp: number): TestReplayEvent => ({
    type: 2,
    data: {
      node: {
        type: 0,
        id: 1,
        childNodes: [{ type: 2, id: 2, tagName: 'html', attributes: {}, childNodes: [] }],
      },
      initialOffset: { left: 0, top: 0 },
    },
    timestamp,
  }),
  click: (timestamp: number, id = 5, at: { x: number; y: number } = { x: 10, y: 20 }): TestReplayEvent => ({
    type: 3,
    data: { source: 2, type: 2, id, x: at.x, y: at.y },
    timestamp,
  }),
  mouseMove: (timestamp: number): TestReplayEvent => ({
    type: 3,
    data: { source: 1, positions: [{ x: 1, y: 2, id: 5, timeOffset: 0 }] },
    timestamp,
  }),
  scroll: (timestamp: number): TestReplayEvent => ({ type: 3, data: { source: 3, id: 1, x: 0, y: 300 }, timestamp }),
  input: (timestamp: number, text: string, id = 7): TestReplayEvent => ({
    type: 3,
    data: { source: 5, text, isChecked: false, id },
    timestamp,
  }),
  mutation: (timestamp: number): TestReplayEvent => ({
    type: 3,
    data: { source: 0, texts: [], attributes: [], removes: [], adds: [] },
    timestamp,
  }),
  /** A mutation that changed something: a text node's new value. */
  domChange: (timestamp: number): TestReplayEvent => ({
    type: 3,
    data: { source: 0, texts: [{ id: 9, value: 'Added to cart' }], attributes: [], removes: [], adds: [] },
    timestamp,
  }),
  /** A `sightline.network` event, recorded when the request completed. */
  request: (
    startMs: number,
    endMs: number,
    payload: { status?: number; traceId?: string; method?: string; url?: string; initiator?: string } = {},
  ): TestReplayEvent => ({
    type: 5,
    data: {
      tag: 'sightline.network',
      payload: {
        method: 'POST',
        url: 'https://shop.example/api/orders',
        status: 200,
        initiator: 'fetch',
        ...payload,
        startMs,
        endMs,
        durationMs: endMs - startMs,
      },
    },
    timestamp: endMs,
  }),
  custom: (timestamp: number, tag: string, payload: Record<string, unknown>): TestReplayEvent => ({
    type: 5,
    data: { tag, payload },
    timestamp,
  }),
};

export interface TestReplayBatch {
  v: number;
  sessionId: string;
  seq: number;
  previousSessionId?: string;
  sentAtMs?: number;
  events: TestReplayEvent[];
}

export function makeReplayBatch(
  sessionId: string,
  seq: number,
  events: TestReplayEvent[],
  extra: Partial<TestReplayBatch> = {},
): TestReplayBatch {
  return { v: 1, sessionId, seq, sentAtMs: Date.now(), events, ...extra };
}

/** What the store takes for a batch, as the ingest layer would build it. */
export function makeReplayRecord(
  sessionId: string,
  seq: number,
  overrides: Partial<ReplayBatchRecord> = {},
): ReplayBatchRecord {
  const firstEventUs = overrides.firstEventUs ?? Date.parse('2026-05-01T10:00:00Z') * 1000 + seq * 10_000_000;
  const events = [{ type: 4, data: { href: `https://shop.example/${seq}` }, timestamp: firstEventUs / 1000 }];
  return {
    sessionId,
    seq,
    receivedUs: Date.now() * 1000,
    firstEventUs,
    lastEventUs: firstEventUs + 5_000_000,
    eventCount: events.length,
    payload: gzipSync(JSON.stringify(makeReplayBatch(sessionId, seq, events))),
    ...overrides,
  };
}

export function makeReplayActivity(
  record: ReplayBatchRecord,
  overrides: Partial<SessionReplayActivity> = {},
): SessionReplayActivity {
  return {
    sessionId: record.sessionId,
    firstUs: record.firstEventUs,
    lastUs: record.lastEventUs,
    userId: null,
    userTraitsJson: null,
    urls: [],
    traceIds: [],
    pageCount: 0,
    activeMs: 0,
    clickCount: 0,
    jsErrorCount: 0,
    consoleErrorCount: 0,
    failedRequestCount: 0,
    eventCount: record.eventCount,
    replayBytes: record.payload.length,
    previousSessionId: null,
    userAgent: null,
    browser: null,
    browserVersion: null,
    os: null,
    deviceType: null,
    insightSignals: { signals: [], performance: [], lastEventMs: record.lastEventUs / 1000 },
    clockOffsetMs: null,
    ...overrides,
  };
}

export interface ReplayPostOptions {
  /** Ingest key for `?key=`; none sends no key. */
  key?: string | undefined;
  gzip?: boolean;
  headers?: Record<string, string>;
}

/** Posts a batch the way the recorder does: `?key=`, text/plain, gzip unless told otherwise. */
export async function postReplay(
  url: string,
  batch: TestReplayBatch | string | Buffer,
  options: ReplayPostOptions = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const json = Buffer.isBuffer(batch) ? batch : Buffer.from(typeof batch === 'string' ? batch : JSON.stringify(batch));
  const body = options.gzip === false || Buffer.isBuffer(batch) ? json : gzipSync(json);
  const query = options.key === undefined ? '' : `?key=${encodeURIComponent(options.key)}`;
  const response = await fetch(`${url}/v1/replay${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...options.headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}
