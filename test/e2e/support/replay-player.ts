import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, JSHandle, Page } from 'playwright-core';
import type { Replayer } from 'rrweb';
import { KEEP_NAMES_SHIM, newTestContext } from './chromium.js';
import type { ReplayEvent } from './replay-events.js';

/** rrweb's own player, the UMD build (it sets `window.rrweb`), as the Sightline UI plays replays. */
const RRWEB_DIST = dirname(createRequire(import.meta.url).resolve('rrweb'));
export const RRWEB_UMD_PATH = join(RRWEB_DIST, 'rrweb.umd.min.cjs');
const RRWEB_STYLE_PATH = join(RRWEB_DIST, 'style.css');

/** A replay played to its last event, in a page of its own. */
export interface ReplayView {
  page: Page;
  /** The replayed document (inside the player's iframe): `replay.document.evaluate((doc) => doc.body.innerText)`. */
  document: JSHandle<Document>;
  close(): Promise<void>;
}

interface PlayerWindow {
  rrweb: { Replayer: typeof Replayer };
}

/**
 * Loads rrweb's Replayer in a fresh page of `browser`, feeds it `events` and jumps to
 * the end (events up to the last one applied synchronously, as when seeking). The
 * replayed document is reached through its same-origin iframe, never run as script:
 * the player's iframe is sandboxed without `allow-scripts`.
 *
 * @example
 * const replay = await replayToEnd(browser, await sightline.sessionEvents(sessionId));
 * const text = await replay.document.evaluate((doc) => doc.body.innerText);
 */
export async function replayToEnd(
  browser: Browser,
  events: readonly ReplayEvent[],
  viewport = { width: 1280, height: 720 },
): Promise<ReplayView> {
  const context = await newTestContext(browser, { viewport });
  const page = await context.newPage();
  await page.setContent('<!doctype html><html><body><div id="player"></div></body></html>');
  await page.evaluate(KEEP_NAMES_SHIM);
  await page.addStyleTag({ path: RRWEB_STYLE_PATH });
  await page.addScriptTag({ path: RRWEB_UMD_PATH });
  await page.evaluate((recorded) => {
    const { rrweb } = window as unknown as PlayerWindow;
    const root = document.getElementById('player') ?? document.body;
    const replayer = new rrweb.Replayer(recorded as never, {
      root,
      showWarning: false,
      showDebug: false,
      mouseTail: false,
      triggerFocus: false,
      skipInactive: false,
    });
    replayer.pause(replayer.getMetaData().totalTime);
  }, events);
  const replayed = await page.evaluateHandle(() => {
    const frame = document.querySelector<HTMLIFrameElement>('#player iframe');
    if (!frame?.contentDocument) throw new Error('the Replayer made no iframe');
    return frame.contentDocument;
  });
  return { page, document: replayed, close: () => context.close() };
}
