import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  DEFAULT_SESSION_SHAPE,
  type GeneratedSession,
  generateSession,
} from '../../../bench/player/session/generate-session.js';
import { SNAPSHOT_END_SELECTOR } from '../../../bench/player/session/shop-snapshot.js';
import { uploadSession } from '../../../bench/player/session/upload-session.js';
import { startTestServer, type TestServer } from '../../../packages/server/test/support/test-server.js';
import { formatClock } from '../../../packages/ui/src/format/format-duration.js';
import { chromiumSkipReason, launchChromium } from '../support/chromium.js';
import { delay, waitFor } from '../support/poll.js';
import { bounded } from './support/bounded.js';
import { openViewer, SCREENSHOTS_DIR, type Viewer } from './support/viewer.js';

/** The built UI the server serves: without it there is no replay page to test. */
const UI_INDEX = fileURLToPath(new URL('../../../packages/ui/dist/index.html', import.meta.url));

/**
 * The bench's shop session (`bench/player/session/`), shorter: 8 minutes and ~12,000
 * events instead of 30 and 50,000, with about as many mouse positions per second of
 * activity (~20,000 in all, up to 8 per mouse move) — what made rrweb's mouse tail lock
 * the tab up at 8×. Two full snapshots of 4,300 nodes, ~100 batches of 5 s.
 */
const SHAPE = { ...DEFAULT_SESSION_SHAPE, durationMs: 8 * 60_000, targetEvents: 12_000 };

/** The speed a person skims a long session at, and the one that froze the tab. */
const SPEED = '8×';
/**
 * How long anything the page must answer may take. The freeze this guards against lasted
 * minutes, so a bound this generous cannot flake on a slow machine and still fails it.
 */
const ANSWER_TIMEOUT_MS = 10_000;
/** Playback is watched for at least this much wall time: the freeze set in within ~2 s. */
const MIN_PLAY_MS = 5_000;
/** …and until the clock has gone this far (at 8×, 5 s of wall time is 40 s of session at least). */
const MIN_ADVANCE_MS = 30_000;
/** A clock that has not gone `MIN_ADVANCE_MS` by then is stuck. */
const PLAY_LIMIT_MS = 20_000;
/** `SEEK_STEP_MS` of `packages/ui/src/player/keyboard-shortcuts.ts` (→), which this type check cannot import. */
const SEEK_STEP_MS = 5_000;

/** What the player shows, read in one go from the page (which must be able to run script to answer). */
interface PlayerReading {
  /** The page's `performance.now()`. */
  now: number;
  /** The clock's position (`1:05`) and duration. */
  position: string;
  total: string;
  /** The play button's label: `Pause` while playing. */
  toggle: string | null;
}

/** Where the page keeps the durations of its long tasks (> 50 ms) while it plays. */
interface LongTaskWindow {
  longTasks: number[];
}

/**
 * A long recorded session — 8 minutes of a shop page with thousands of mouse moves — opened
 * and played in the real UI (the built `packages/ui/dist`, served by a real server on
 * SQLite), in one headless Chromium: the first frame shows, every event comes in pages, and
 * playback at 8× keeps the tab responsive (rrweb's mouse tail once locked it up for minutes:
 * `bench/README.md`, `bench/player`). Every call into the page while it plays is bounded, so
 * a frozen page fails the file in seconds, never hangs it.
 */
describe('the replay page on a long session', { skip: chromiumSkipReason() }, () => {
  let browser: Browser;
  let server: TestServer;
  let viewer: Viewer;
  let ui: Page;
  let session: GeneratedSession;
  const sessionId = randomUUID();
  /** Session time of the last event: the player's duration. */
  let durationMs: number;

  before(async () => {
    assert.ok(existsSync(UI_INDEX), `${UI_INDEX} is missing: run \`npm run build -w @sightline/ui\` first`);
    // ended an hour ago, as a session opened from the list would have
    session = generateSession(SHAPE, Date.now() - SHAPE.durationMs - 3_600_000);
    const last = session.batches.at(-1)?.at(-1);
    assert.ok(last);
    durationMs = last.timestamp - session.startMs;
    [browser, server] = await Promise.all([launchChromium(), startTestServer('sqlite')]);
    // as the recorder sends it: one gzipped POST /v1/replay per 5 s batch
    await uploadSession(server.url, server.ingestKey, sessionId, session);
    viewer = await openViewer(browser);
    ui = viewer.page;
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.dispose();
    }
  });

  it('opens on its first frame, then fetches every event in several pages until the timeline is fully loaded', async (t) => {
    const eventsPath = `/api/sessions/${sessionId}/events`;
    const requested: URL[] = [];
    const pageSizes: Promise<number>[] = [];
    ui.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === eventsPath) requested.push(url);
    });
    ui.on('response', (response) => {
      if (new URL(response.url()).pathname !== eventsPath) return;
      pageSizes.push(response.json().then((body: { events: unknown[] }) => body.events.length));
    });

    await ui.goto(`${server.url}/sessions/${sessionId}`, { waitUntil: 'commit', timeout: ANSWER_TIMEOUT_MS });
    // as bench/player/measure.ts: the viewport shown, rrweb's iframe shown, the snapshot's last element in it
    const firstFrame = await ui.waitForFunction(
      (endSelector) => {
        const frame = document.querySelector<HTMLIFrameElement>('[data-testid="replay-viewport"] iframe');
        const viewport = frame?.closest<HTMLElement>('[data-testid="replay-viewport"]');
        if (!frame || !viewport || viewport.style.visibility !== 'visible' || frame.style.display === 'none')
          return false;
        return frame.contentDocument?.querySelector(endSelector) ? performance.now() : false;
      },
      SNAPSHOT_END_SELECTOR,
      { polling: 'raf', timeout: 20_000 },
    );
    const firstFrameMs = Math.round((await firstFrame.jsonValue()) as number);
    const allLoaded = await ui.waitForFunction(
      () => {
        const loaded = document.querySelector<HTMLElement>('.timeline-loaded');
        const notes = document.querySelector('.replay-notes')?.textContent ?? '';
        return loaded?.style.width === '100%' && !notes.includes('Loading events') ? performance.now() : false;
      },
      undefined,
      { polling: 50, timeout: 30_000 },
    );
    const allLoadedMs = Math.round((await allLoaded.jsonValue()) as number);
    const sizes = await Promise.all(pageSizes);
    t.diagnostic(
      `${session.stats.events} events in ${session.stats.batches} batches; first frame at ${firstFrameMs} ms, ` +
        `all loaded at ${allLoadedMs} ms, in ${requested.length} pages of [${sizes.join(', ')}] events`,
    );

    assert.ok(requested.length > 1, `the events came in pages, not in one response (${requested.length} request)`);
    assert.equal(requested[0]?.searchParams.get('fromSeq'), '0', 'the first page starts at the first batch');
    assert.equal(sizes.length, requested.length, 'every page was answered');
    assert.equal(
      sizes.reduce((sum, size) => sum + size, 0),
      session.stats.events,
      'the pages hold every event of the session, once',
    );
    assert.ok(
      sizes.every((size) => size < session.stats.events),
      'no page holds the whole session',
    );
    const reading = await readPlayer(ui, 'the page after loading');
    assert.equal(reading.total, formatClock(durationMs), "the clock's duration is the session's");
    assert.equal(reading.position, formatClock(0), 'opened at the start');
    assert.equal(reading.toggle, 'Play', 'paused, ready to play');
  });

  it(`plays at ${SPEED} for seconds on end: the page answers throughout and the clock runs far ahead`, async (t) => {
    const speed = ui.getByRole('button', { name: SPEED, exact: true });
    await speed.click({ timeout: ANSWER_TIMEOUT_MS });
    assert.equal(await speed.getAttribute('aria-pressed', { timeout: ANSWER_TIMEOUT_MS }), 'true');
    await releaseFocus(ui);
    await bounded(
      ui.evaluate(() => {
        const tasks: number[] = [];
        (window as unknown as LongTaskWindow).longTasks = tasks;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        }).observe({ type: 'longtask' });
      }),
      ANSWER_TIMEOUT_MS,
      'the long-task observer',
    );
    const from = clockMs((await readPlayer(ui, 'the page before playing')).position);
    await ui.getByTestId('play-toggle').click({ timeout: ANSWER_TIMEOUT_MS });

    const started = performance.now();
    const answers: number[] = [];
    let reading: PlayerReading | undefined;
    let playedMs = 0;
    // the one fixed span of the file: staying responsive *for a while* is the point
    while (playedMs < MIN_PLAY_MS || !(clockMs(reading?.position) - from >= MIN_ADVANCE_MS)) {
      assert.ok(
        playedMs < PLAY_LIMIT_MS,
        `the clock went only from ${formatClock(from)} to ${reading?.position} in ${PLAY_LIMIT_MS} ms at ${SPEED}`,
      );
      const asked = performance.now();
      reading = await readPlayer(
        ui,
        `the page ${(playedMs / 1000).toFixed(1)} s into playing at ${SPEED} (clock at ${reading?.position ?? formatClock(from)})`,
      );
      answers.push(performance.now() - asked);
      playedMs = performance.now() - started;
      if (reading.toggle !== 'Pause') {
        assert.fail(`the player stopped playing at ${reading.position} (its button reads ${reading.toggle})`);
      }
      await delay(200);
    }
    const longTasks = await bounded(
      ui.evaluate(() => [...(window as unknown as LongTaskWindow).longTasks].sort((a, b) => b - a)),
      ANSWER_TIMEOUT_MS,
      'the long tasks',
    );
    t.diagnostic(
      `${formatClock(from)} → ${reading?.position} in ${Math.round(playedMs)} ms; ${answers.length} probes, ` +
        `slowest answer ${Math.round(Math.max(...answers))} ms; long tasks: ${longTasks.length}, ` +
        `longest ${Math.round(longTasks[0] ?? 0)} ms`,
    );
    assert.ok(clockMs(reading?.position) - from >= MIN_ADVANCE_MS);
  });

  it('paused after that: the clock stops, and a screenshot and a → seek answer promptly', async (t) => {
    const toggle = ui.getByTestId('play-toggle');
    await toggle.click({ timeout: ANSWER_TIMEOUT_MS });
    await waitFor(async () => (await readPlayer(ui, 'the page when pausing')).toggle === 'Play', {
      timeoutMs: ANSWER_TIMEOUT_MS,
      what: 'the player paused',
    });
    const pausedAt = await waitFor(() => replayT(ui), { timeoutMs: ANSWER_TIMEOUT_MS, what: 't written on pause' });
    assert.equal((await readPlayer(ui, 'the page paused')).position, formatClock(pausedAt));

    const shotStarted = performance.now();
    const png = await ui.screenshot({
      path: join(SCREENSHOTS_DIR, '30-long-session-paused-after-8x.png'),
      timeout: ANSWER_TIMEOUT_MS,
    });
    const shotMs = Math.round(performance.now() - shotStarted);
    assert.ok(png.length > 1000, 'a screenshot of the page');

    const seekStarted = performance.now();
    const target = pausedAt + SEEK_STEP_MS;
    await releaseFocus(ui);
    await bounded(ui.keyboard.press('ArrowRight'), ANSWER_TIMEOUT_MS, '→ on the player');
    await waitFor(() => replayT(ui) === target, { timeoutMs: ANSWER_TIMEOUT_MS, what: `t=${target} after →` });
    await waitFor(async () => (await readPlayer(ui, 'the page after →')).position === formatClock(target), {
      timeoutMs: ANSWER_TIMEOUT_MS,
      what: `the clock at ${formatClock(target)} after →`,
    });
    const seekMs = Math.round(performance.now() - seekStarted);
    const drawn = await bounded(
      ui.evaluate(
        (endSelector) =>
          document
            .querySelector<HTMLIFrameElement>('[data-testid="replay-viewport"] iframe')
            ?.contentDocument?.querySelector(endSelector) != null,
        SNAPSHOT_END_SELECTOR,
      ),
      ANSWER_TIMEOUT_MS,
      'the replayed document after →',
    );
    t.diagnostic(`paused at ${formatClock(pausedAt)}; screenshot in ${shotMs} ms, → seek shown in ${seekMs} ms`);
    assert.ok(drawn, 'the replay still shows the recorded page after the seek');
    assert.equal((await readPlayer(ui, 'the page after seeking')).toggle, 'Play', 'seeking kept it paused');
  });

  it('the UI threw nothing', () => {
    assert.deepEqual(viewer.pageErrors, []);
  });
});

/** The player's clock and button, read in the page; fails after `ANSWER_TIMEOUT_MS` if the page cannot run script. */
function readPlayer(page: Page, what: string): Promise<PlayerReading> {
  return bounded(
    page.evaluate(() => {
      const [position, total] = [...document.querySelectorAll('[data-testid="player-clock"] > span')].map((span) =>
        (span.textContent ?? '').replace('/', '').trim(),
      );
      return {
        now: performance.now(),
        position: position ?? '',
        total: total ?? '',
        toggle: document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') ?? null,
      };
    }),
    ANSWER_TIMEOUT_MS,
    what,
  );
}

/** `1:05` (or `1:02:03`) as ms; `NaN` for anything else. */
function clockMs(text: string | undefined): number {
  if (text === undefined || !/^\d+(:\d\d){1,2}$/.test(text)) return Number.NaN;
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0) * 1000;
}

/** `t` of the replay's URL, in ms from the session start. */
function replayT(page: Page): number | undefined {
  const raw = new URL(page.url()).searchParams.get('t');
  return raw === null ? undefined : Number(raw);
}

/** Whatever was clicked last gives the focus back to the page, so the player's keys reach the player. */
async function releaseFocus(page: Page): Promise<void> {
  await bounded(
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()),
    ANSWER_TIMEOUT_MS,
    'releasing the focus',
  );
}
