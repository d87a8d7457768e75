import { type Browser, chromium } from 'playwright-core';
import { USER_COOKIE } from '../src/users.js';
import { endSession } from './end-session.js';
import { browsingVisits } from './scenarios/browsing.js';
import { invisibleErrorVisit } from './scenarios/invisible-error.js';
import { raceConditionVisit } from './scenarios/race-condition.js';
import type { ScenarioName, Visit } from './scenarios/scenario.js';
import { slowPageVisit } from './scenarios/slow-page.js';
import { createShopper } from './shopper.js';
import { createSightlineApi, type SightlineApi } from './sightline-api.js';
import './recorder-global.js';

export interface TrafficOptions {
  shopUrl: string;
  /** Sightline's base URL and the admin token of the org the shop records to. */
  sightline: { url: string; adminToken: string };
  chromiumPath: string;
  /** How many normal browsing sessions beside the three scenarios (0–3). @default 3 */
  browsingSessions?: number;
  /** Progress lines ("recorded: The race condition"). @default silent */
  onProgress?: (line: string) => void;
}

export interface RecordedSession {
  sessionId: string;
  kind: Visit['kind'];
  title: string;
  userId: string;
  /** The moment to open the replay at: ms from the session's start. */
  momentOffsetMs?: number;
}

export interface TrafficResult {
  sessions: RecordedSession[];
  scenarios: Record<ScenarioName, RecordedSession>;
}

/** Browsers at once: more would starve each other of CPU on a 2-core machine (slow frames everywhere). */
const MAX_CONCURRENT_VISITS = 2;

/** The replay opens a little before the moment, to show what led to it. */
const MOMENT_LEAD_MS = 1500;

/**
 * Drives the demo shop in one headless Chromium as several users — one per scenario of
 * the article, plus normal browsing — each in its own browser context (its own cookies,
 * tab and session), two at a time. Resolves once Sightline holds every session complete.
 * @example const { scenarios } = await generateTraffic({ shopUrl, sightline, chromiumPath: '/usr/bin/chromium' });
 */
export async function generateTraffic(options: TrafficOptions): Promise<TrafficResult> {
  const api = createSightlineApi(options.sightline.url, options.sightline.adminToken);
  const visits: Visit[] = [
    invisibleErrorVisit,
    raceConditionVisit,
    slowPageVisit,
    ...browsingVisits.slice(0, options.browsingSessions ?? browsingVisits.length),
  ];
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const record = (visit: Visit, onFirstPage: () => void) =>
      recordVisit(browser, visit, options.shopUrl, api, onFirstPage).then((session) => {
        options.onProgress?.(`recorded: ${visit.title} (${visit.user.name})`);
        return session;
      });
    // on a small machine, browsers loading pages together — or beside the layout thrash —
    // would give every session slow frames of its own: page loads are staggered, and the
    // slow page goes last, alone
    const sessions = [
      ...(await recordStaggered(
        visits.filter((visit) => visit.kind !== 'slow-page'),
        record,
      )),
      ...(await recordStaggered(
        visits.filter((visit) => visit.kind === 'slow-page'),
        record,
      )),
    ];
    const scenario = (name: ScenarioName) => sessions.find((session) => session.kind === name) as RecordedSession;
    return {
      sessions,
      scenarios: {
        'invisible-error': scenario('invisible-error'),
        'race-condition': scenario('race-condition'),
        'slow-page': scenario('slow-page'),
      },
    };
  } finally {
    await browser.close();
  }
}

/** Runs the visits two at a time, each starting when the one before has loaded its first page. */
async function recordStaggered(
  visits: readonly Visit[],
  record: (visit: Visit, onFirstPage: () => void) => Promise<RecordedSession>,
): Promise<RecordedSession[]> {
  const running = new Set<Promise<RecordedSession>>();
  const all: Promise<RecordedSession>[] = [];
  for (const visit of visits) {
    if (running.size >= MAX_CONCURRENT_VISITS) await Promise.race(running);
    let landed = () => {};
    const firstPage = new Promise<void>((resolve) => {
      landed = resolve;
    });
    const session = record(visit, landed);
    all.push(session);
    running.add(session);
    void session.then(
      () => running.delete(session),
      () => running.delete(session),
    );
    await Promise.race([firstPage, session]);
  }
  return Promise.all(all);
}

async function recordVisit(
  browser: Browser,
  visit: Visit,
  shopUrl: string,
  api: SightlineApi,
  onFirstPage: () => void,
): Promise<RecordedSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // "signed in": the shop reads its fake user from this cookie
    await context.addCookies([{ name: USER_COOKIE, value: visit.user.id, url: shopUrl }]);
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(shopUrl);
    onFirstPage();
    let outcome: Awaited<ReturnType<Visit['run']>>;
    try {
      outcome = await visit.run(createShopper(page));
    } catch (error) {
      throw new Error(`${visit.title} (${visit.user.name}) failed at ${page.url()}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (pageErrors.length > 0) throw new Error(`${visit.title}: the page threw ${pageErrors[0]?.message}`);
    const summary = await endSession(page, api);
    const session: RecordedSession = {
      sessionId: summary.sessionId,
      kind: visit.kind,
      title: visit.title,
      userId: visit.user.id,
    };
    if (outcome.momentMs !== undefined) {
      session.momentOffsetMs = Math.max(0, Math.round(outcome.momentMs - summary.startedAtMs - MOMENT_LEAD_MS));
    }
    return session;
  } finally {
    await context.close();
  }
}
