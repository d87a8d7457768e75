import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { SNAPSHOT_END_SELECTOR } from './session/shop-snapshot.js';

/** One cold open of `/sessions/:id` in a fresh browser context (empty cache, new sign-in). */
export interface OpenMeasurement {
  run: number;
  /** Navigation start → the first animation frame with the snapshot's last element in the replay iframe. */
  firstFrameMs: number;
  /** When these responses had fully arrived (Resource Timing `responseEnd`, from navigation start). */
  summaryMs: number | null;
  firstEventsPageMs: number | null;
  rendererChunkMs: number | null;
  /** Navigation start → every page of events fed to the player (the timeline's loaded bar full). */
  allEventsLoadedMs: number;
  /** After loading, after a forced GC: what the page holds (CDP `Performance.getMetrics`). */
  heapAfterLoadMb: number;
  domNodesAfterLoad: number;
}

/** Playing from the start at `speed` for a while, sampled once a second. */
export interface PlaybackMeasurement {
  speed: number;
  seconds: number;
  /** `JSHeapUsedSize` each second while playing, MB. */
  heapSamplesMb: number[];
  heapMedianMb: number;
  heapMaxMb: number;
  /** After pausing and a forced GC: what playback left held. */
  heapAfterGcMb: number;
  domNodesMax: number;
  /** Where the playhead got to (the player's clock). */
  reachedClock: string;
  /** Long tasks (> 50 ms) on the page's main thread while playing. */
  longTasks: { count: number; maxMs: number; totalMs: number };
}

/** The replay iframe rrweb draws into. */
const REPLAY_FRAME = '[data-testid="replay-viewport"] iframe';

/** Records long tasks from the first moment of every page of the context. */
const LONG_TASK_OBSERVER = `
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

interface BenchWindow {
  __benchLongTasks: [number, number][];
}

/**
 * Opens the replay page cold and times it. "First frame" is defined as the first
 * animation frame (`requestAnimationFrame` polling in the page, so ≤ 1 frame late) in which
 * the player's viewport is visible, rrweb's iframe is shown, and the iframe's document holds
 * the full snapshot's last element (`[data-bench="snapshot-end"]`): the recorded page is
 * built and on screen. Times are the page's `performance.now()`: from navigation start.
 */
export async function measureOpen(browser: Browser, url: string, run: number): Promise<OpenMeasurement> {
  const { context, page, cdp } = await openPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const firstFrame = await page.waitForFunction(
      ({ frameSelector, endSelector }) => {
        const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
        const viewport = frame?.closest<HTMLElement>('[data-testid="replay-viewport"]');
        if (!frame || !viewport || viewport.style.visibility !== 'visible' || frame.style.display === 'none')
          return false;
        return frame.contentDocument?.querySelector(endSelector) ? performance.now() : false;
      },
      { frameSelector: REPLAY_FRAME, endSelector: SNAPSHOT_END_SELECTOR },
      { polling: 'raf', timeout: 60_000 },
    );
    const firstFrameMs = (await firstFrame.jsonValue()) as number;
    const allLoaded = await page.waitForFunction(
      () => {
        const loaded = document.querySelector<HTMLElement>('.timeline-loaded');
        const notes = document.querySelector('.replay-notes')?.textContent ?? '';
        return loaded?.style.width === '100%' && !notes.includes('Loading events') ? performance.now() : false;
      },
      undefined,
      { polling: 50, timeout: 120_000 },
    );
    const allEventsLoadedMs = (await allLoaded.jsonValue()) as number;
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => [entry.name, (entry as PerformanceResourceTiming).responseEnd] as const),
    );
    const responseEnd = (test: (url: URL) => boolean) => {
      const found = resources.find(([name]) => test(new URL(name)));
      return found ? Math.round(found[1]) : null;
    };
    const sessionPath = new URL(url).pathname;
    const memory = await readMemory(cdp, true);
    return {
      run,
      firstFrameMs: Math.round(firstFrameMs),
      summaryMs: responseEnd((resource) => resource.pathname === `/api${sessionPath}`),
      firstEventsPageMs: responseEnd(
        (resource) => resource.pathname === `/api${sessionPath}/events` && resource.searchParams.get('fromSeq') === '0',
      ),
      rendererChunkMs: responseEnd((resource) => resource.pathname.includes('/rrweb-renderer-')),
      allEventsLoadedMs: Math.round(allEventsLoadedMs),
      heapAfterLoadMb: memory.heapMb,
      domNodesAfterLoad: memory.nodes,
    };
  } finally {
    await context.close();
  }
}

/** Opens the replay page, waits for every event, then plays from the start at `speed` and samples memory each second. */
export async function measurePlayback(
  browser: Browser,
  url: string,
  speed: number,
  seconds: number,
): Promise<PlaybackMeasurement> {
  const { context, page, cdp } = await openPage(browser);
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.timeline-loaded')?.style.width === '100%',
      undefined,
      { polling: 100, timeout: 120_000 },
    );
    await page.getByRole('button', { name: `${speed}×`, exact: true }).click();
    const playStartedAt = await page.evaluate(() => performance.now());
    await page.getByTestId('play-toggle').click();
    const samples: number[] = [];
    let domNodesMax = 0;
    for (let second = 0; second < seconds; second += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const memory = await readMemory(cdp, false);
      samples.push(memory.heapMb);
      domNodesMax = Math.max(domNodesMax, memory.nodes);
    }
    const reachedClock = ((await page.getByTestId('player-clock').textContent()) ?? '').split('/')[0]?.trim() ?? '';
    await page.getByTestId('play-toggle').click();
    const tasks = await page.evaluate(
      (since) =>
        (window as unknown as BenchWindow).__benchLongTasks
          .filter(([start]) => start >= since)
          .map(([, duration]) => duration),
      playStartedAt,
    );
    const afterGc = await readMemory(cdp, true);
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      speed,
      seconds,
      heapSamplesMb: samples,
      heapMedianMb: sorted[Math.floor(sorted.length / 2)] ?? 0,
      heapMaxMb: sorted.at(-1) ?? 0,
      heapAfterGcMb: afterGc.heapMb,
      domNodesMax,
      reachedClock,
      longTasks: {
        count: tasks.length,
        maxMs: Math.round(Math.max(0, ...tasks)),
        totalMs: Math.round(tasks.reduce((sum, duration) => sum + duration, 0)),
      },
    };
  } finally {
    await context.close();
  }
}

async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(LONG_TASK_OBSERVER);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/** JS heap in use (the UI and its same-origin replay iframe share it) and DOM nodes, optionally after a full GC. */
async function readMemory(cdp: CDPSession, collectGarbage: boolean): Promise<{ heapMb: number; nodes: number }> {
  if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { heapMb: Math.round((value('JSHeapUsedSize') / 1024 / 1024) * 10) / 10, nodes: value('Nodes') };
}
