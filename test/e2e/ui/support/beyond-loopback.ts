import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/chromium.js';
import { type RemoteSightline, startRemoteSightline } from './remote-sightline.js';
import { openViewer, type Viewer } from './viewer.js';

/** One run's ids, so the sessions of this run are told apart from anything else. */
export const RUN = randomUUID().slice(0, 8);

/**
 * One real server on 0.0.0.0 (browsed at 127.0.0.1, so the UI does not sign in by
 * itself), the built UI, one headless Chromium, and the viewers (fresh contexts) a test
 * file opened: their page errors are checked at its end.
 */
export interface BeyondLoopback {
  browser: Browser;
  sightline: RemoteSightline;
  /** A fresh context (own cookies and storage) on the UI. */
  newViewer(): Promise<Viewer>;
  /** Uncaught errors of every viewer's page so far. */
  pageErrors(): string[];
  close(): Promise<void>;
}

export async function startBeyondLoopback(): Promise<BeyondLoopback> {
  const [browser, sightline] = await Promise.all([launchChromium(), startRemoteSightline()]);
  assert.equal(sightline.loopbackOnly, false, 'the server must not be loopback-only: no automatic sign-in');
  const viewers: Viewer[] = [];
  return {
    browser,
    sightline,
    async newViewer() {
      const viewer = await openViewer(browser);
      viewers.push(viewer);
      return viewer;
    },
    pageErrors: () => viewers.flatMap((viewer) => viewer.pageErrors),
    async close() {
      try {
        await browser.close();
      } finally {
        await sightline.dispose();
      }
    },
  };
}
