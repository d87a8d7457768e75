import type { ApiClient } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import type { SessionSummary, TraceSummary } from '../../api/api-types';
import { loadSessionEvents } from '../../api/session-events-loader';
import { getSession, getSessionLogs, getSessionTraces } from '../../api/sessions-api';
import { type LogRow, toLogRows } from '../../panels/backend/backend-rows';
import type { Size } from '../../player/fit-viewport';
import { findInactivePeriods } from '../../player/inactive-periods';
import { createPlaybackClock } from '../../player/playback-clock';
import { createPlayerController, type FrameScheduler, type PlayerController } from '../../player/player-controller';
import type { RrwebRenderer } from '../../player/rrweb-renderer';
import type { RecordedEvent } from '../../replay/recorded-event';
import { sanitizeReplayEvent } from '../../replay/sanitize-replay-event';
import { deriveInsightMarkers } from '../../timeline/derive-markers';
import { backendSessionStartMs, toSessionOffset } from '../../timeline/session-time';
import type { TimelineMarker } from '../../timeline/timeline-marker';
import { createReplayDigester, type ReplayDigest } from './replay-digest';

export type LoadStatus = 'loading' | 'streaming' | 'complete' | 'empty' | 'error';

/** What the replay page shows besides the player itself. */
export interface ReplaySessionData {
  summary: SessionSummary | undefined;
  /** Set when the session itself could not be loaded (404, 401…): nothing else will come. */
  summaryError: unknown;
  sessionStartMs: number;
  /** The session start on the backend's clock (`backendSessionStartMs`): backend times are placed against it. */
  backendStartMs: number;
  durationMs: number;
  digest: ReplayDigest;
  insightMarkers: TimelineMarker[];
  eventsStatus: LoadStatus;
  eventsError: unknown;
  /** Recorded URLs on the viewer's host that the replay will not fetch. */
  blockedUrls: number;
  /** Malformed events the server sent, skipped. */
  droppedEvents: number;
  traces: TraceSummary[] | undefined;
  tracesError: unknown;
  logs: LogRow[] | undefined;
  logsTruncated: boolean;
  tracesTruncated: boolean;
  logsError: unknown;
  recordedSize: Size | undefined;
}

export interface ReplaySessionOptions {
  client: ApiClient;
  sessionId: string;
  viewerOrigin: string;
  initialTimeMs?: number | undefined;
  frames: FrameScheduler;
  now: () => number;
}

/**
 * One open replay: loads the summary, streams the events page by page into the digest
 * and the rrweb renderer (playback starts on the first page), fetches the backend
 * traces and logs, and owns the player controller. Views subscribe; nothing here renders.
 */
export interface ReplaySession {
  controller: PlayerController;
  getData(): ReplaySessionData;
  subscribe(listener: () => void): () => void;
  /** Gives the element rrweb renders into; the renderer starts once it and two events are there. */
  setRoot(root: HTMLElement | null): void;
  destroy(): void;
}

const EMPTY_DIGEST: ReplayDigest = {
  eventCount: 0,
  firstEventMs: undefined,
  lastEventMs: undefined,
  markers: [],
  eventRows: [],
  consoleRows: [],
  networkRows: [],
  activityMs: [],
};

export function createReplaySession(options: ReplaySessionOptions): ReplaySession {
  const abort = new AbortController();
  const controller = createPlayerController({
    clock: createPlaybackClock(options.now),
    frames: options.frames,
    ...(options.initialTimeMs !== undefined ? { initialTimeMs: options.initialTimeMs } : {}),
  });
  const listeners = new Set<() => void>();
  let data: ReplaySessionData = {
    summary: undefined,
    summaryError: undefined,
    sessionStartMs: 0,
    backendStartMs: 0,
    durationMs: 0,
    digest: EMPTY_DIGEST,
    insightMarkers: [],
    eventsStatus: 'loading',
    eventsError: undefined,
    blockedUrls: 0,
    droppedEvents: 0,
    traces: undefined,
    tracesError: undefined,
    logs: undefined,
    logsTruncated: false,
    tracesTruncated: false,
    logsError: undefined,
    recordedSize: undefined,
  };
  let root: HTMLElement | null = null;
  let renderer: RrwebRenderer | undefined;
  let creatingRenderer = false;
  let pending: RecordedEvent[] = [];
  // rrweb is most of the bundle: its chunk loads only on a replay page, while the summary loads
  const rendererModule = import('../../player/rrweb-renderer');

  function update(patch: Partial<ReplaySessionData>): void {
    if (abort.signal.aborted) return;
    data = { ...data, ...patch };
    for (const listener of listeners) listener();
  }

  function startRendererIfReady(): void {
    if (renderer || creatingRenderer || !root || pending.length < 2) return;
    creatingRenderer = true;
    rendererModule.then(
      ({ createRrwebRenderer }) => {
        creatingRenderer = false;
        if (abort.signal.aborted || renderer || !root) return;
        try {
          renderer = createRrwebRenderer({
            root,
            events: pending,
            sessionStartMs: data.sessionStartMs,
            onResize: (size) => update({ recordedSize: size }),
          });
        } catch (error) {
          update({ eventsStatus: 'error', eventsError: error });
          return;
        }
        pending = [];
        controller.attachRenderer(renderer);
        if (data.eventsStatus !== 'loading') announceLoaded(data.eventsStatus === 'complete');
      },
      (error: unknown) => {
        creatingRenderer = false;
        update({ eventsStatus: 'error', eventsError: error });
      },
    );
  }

  function announceLoaded(complete: boolean): void {
    const { digest, sessionStartMs } = data;
    const loadedUntilMs = digest.lastEventMs === undefined ? 0 : toSessionOffset(digest.lastEventMs, sessionStartMs);
    const durationMs = Math.max(data.durationMs, loadedUntilMs);
    if (durationMs !== data.durationMs) update({ durationMs });
    controller.dispatch({
      type: 'EVENTS_LOADED',
      loadedUntilMs: complete ? durationMs : loadedUntilMs,
      durationMs,
      complete,
      inactivePeriods: findInactivePeriods(digest.activityMs, 0, durationMs),
    });
  }

  async function loadEvents(): Promise<void> {
    const digester = createReplayDigester(data.sessionStartMs);
    const viewer = { origin: options.viewerOrigin };
    try {
      for await (const chunk of loadSessionEvents(options.client, options.sessionId, { signal: abort.signal })) {
        let blocked = 0;
        for (const event of chunk.events) blocked += sanitizeReplayEvent(event, viewer);
        const digest = digester.ingest(chunk.events);
        update({
          digest,
          blockedUrls: data.blockedUrls + blocked,
          droppedEvents: data.droppedEvents + chunk.dropped,
          eventsStatus: chunk.done ? 'complete' : 'streaming',
        });
        if (renderer) renderer.addEvents(chunk.events);
        else {
          pending.push(...chunk.events);
          startRendererIfReady();
        }
        if (renderer || chunk.done) announceLoaded(chunk.done);
      }
      if (data.digest.eventCount < 2) update({ eventsStatus: 'empty' });
    } catch (error) {
      if (abort.signal.aborted) return;
      if (isApiError(error) && error.code === 'not_found') update({ eventsStatus: 'empty' });
      else update({ eventsStatus: 'error', eventsError: error });
      // the backend panels still follow a clock over the session's length
      announceLoaded(true);
    }
  }

  async function loadBackend(): Promise<void> {
    const traces = getSessionTraces(options.client, options.sessionId, abort.signal).then(
      (result) => update({ traces: result.traces, tracesTruncated: result.truncated === true }),
      (error: unknown) => update({ tracesError: error, traces: [] }),
    );
    const logs = getSessionLogs(options.client, options.sessionId, { signal: abort.signal }).then(
      (result) => update({ logs: toLogRows(result.logs, data.backendStartMs), logsTruncated: result.truncated }),
      (error: unknown) => update({ logsError: error, logs: [] }),
    );
    await Promise.all([traces, logs]);
  }

  async function start(): Promise<void> {
    let summary: SessionSummary;
    try {
      summary = await getSession(options.client, options.sessionId, abort.signal);
    } catch (error) {
      update({ summaryError: error, eventsStatus: 'error' });
      return;
    }
    update({
      summary,
      sessionStartMs: summary.startedAtMs,
      backendStartMs: backendSessionStartMs(summary),
      durationMs: Math.max(0, summary.durationMs),
      insightMarkers: deriveInsightMarkers(summary.insights, summary.startedAtMs),
    });
    await Promise.all([loadEvents(), loadBackend()]);
  }

  void start();

  return {
    controller,
    getData: () => data,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setRoot(element) {
      root = element;
      startRendererIfReady();
    },
    destroy() {
      abort.abort();
      listeners.clear();
      controller.destroy();
    },
  };
}
