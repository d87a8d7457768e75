import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { newTestContext } from '../../support/chromium.js';
import { waitFor } from '../../support/poll.js';

/** `test-output/screenshots/` at the repository root (git-ignored). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../../../test-output/screenshots', import.meta.url));

/** The viewport the UI is driven in: wide enough for the player and its side panels. */
export const VIEWER_VIEWPORT = { width: 1440, height: 900 };

/** The Sightline UI in a fresh context (signed in by the loopback server on its first page). */
export interface Viewer {
  page: Page;
  /** Uncaught errors of the UI page: a journey that threw is not a passing journey. */
  pageErrors: string[];
  /** Saves `test-output/screenshots/<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openViewer(browser: Browser): Promise<Viewer> {
  const context = await newTestContext(browser, { viewport: VIEWER_VIEWPORT });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return {
    page,
    pageErrors,
    async screenshot(name) {
      const path = join(SCREENSHOTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => context.close(),
  };
}

/** The replay iframe rrweb draws into, inside the player's viewport. */
const REPLAY_IFRAME = '[data-testid="replay-viewport"] iframe';

/**
 * Runs `read` on the replayed document, from the UI's own page: the replay iframe is
 * sandboxed without scripts, so nothing can run *in* it, but its same-origin parent
 * can read it. `read` runs in the browser: it gets what it needs through `arg`. Returns
 * `null` while there is no replayed document.
 */
export async function readReplay<T>(page: Page, read: (doc: Document, arg: string) => T, arg = ''): Promise<T | null> {
  const handle: JSHandle<Document | null> = await page.evaluateHandle(
    (selector) => document.querySelector<HTMLIFrameElement>(selector)?.contentDocument ?? null,
    REPLAY_IFRAME,
  );
  try {
    if (!(await handle.evaluate((doc) => doc?.body != null))) return null;
    return await (handle as JSHandle<Document>).evaluate(read, arg);
  } finally {
    await handle.dispose();
  }
}

/** Waits until the replayed document has an element matching `selector` (the replay's first frame is drawn). */
export async function waitForReplayElement(page: Page, selector: string, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    ({ frameSelector, selector }) => {
      const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
      return frame !== null && frame.style.display !== 'none' && frame.contentDocument?.querySelector(selector) != null;
    },
    { frameSelector: REPLAY_IFRAME, selector },
    { timeout: timeoutMs, polling: 50 },
  );
}

/** Waits until the replayed element matching `selector` shows `text`; a timeout says what it showed. */
export async function waitForReplayText(page: Page, selector: string, text: string, what: string): Promise<void> {
  let shown: string | null | undefined;
  await waitFor(
    async () => {
      shown = await readReplay(page, (doc, target) => doc.querySelector(target)?.textContent ?? null, selector);
      return shown === text;
    },
    { what: `${what} (${selector} showing "${text}")` },
  ).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it showed ${JSON.stringify(shown)}`);
  });
}
