import type { Page } from 'playwright-core';
import { formatClock } from '../../../../packages/ui/src/format/format-duration.js';
import { waitFor } from '../../support/poll.js';
import { waitForReplayText } from './viewer.js';

// What the UI e2e tests read off, and do to, the session list and the player.

/** The path and query of the page: what a link to it carries. */
export function currentPath(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** The user ids of the listed rows, in their order on screen. */
export function listedUsers(page: Page): Promise<string[]> {
  return page.getByTestId('session-row').getByRole('link').allTextContents();
}

export async function waitForUsers(page: Page, expected: readonly string[], what: string): Promise<void> {
  let shown: string[] = [];
  await waitFor(
    async () => {
      shown = await listedUsers(page);
      return shown.join() === expected.join();
    },
    { what: `${what}: ${expected.length} rows` },
  ).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; shown: [${shown.join(', ')}]`);
  });
}

/** `aria-sort` of a column header of the session list. */
export function sortOf(page: Page, column: string): Promise<string | null> {
  return page.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-sort');
}

/** Whatever was clicked last gives the focus back to the page: Space on a focused button presses that button. */
export async function releaseFocus(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** `t` of the replay's URL, in ms from the session start. */
export function replayT(page: Page): number | undefined {
  const raw = new URL(page.url()).searchParams.get('t');
  return raw === null ? undefined : Number(raw);
}

/** The player clock's position (`0:07`), without the duration. */
export async function clockText(page: Page): Promise<string | undefined> {
  return (await page.getByTestId('player-clock').textContent())?.split('/')[0]?.trim();
}

/** Presses `key` on the replay page: `t`, the clock and the replayed page must all come to `expectedMs`. */
export async function seekWithKey(page: Page, key: string, expectedMs: number): Promise<void> {
  await page.keyboard.press(key);
  await waitFor(() => replayT(page) === expectedMs, { what: `t=${expectedMs} after ${key}` });
  await waitFor(async () => (await clockText(page)) === formatClock(expectedMs), {
    what: `the clock at ${formatClock(expectedMs)} after ${key}`,
  });
  await waitForReplayText(
    page,
    '#second',
    `Second ${Math.floor(expectedMs / 1000)}`,
    `the replay at ${expectedMs} ms after ${key}`,
  );
}

/** The player clock's duration (`0:30`). */
export async function totalText(page: Page): Promise<string | undefined> {
  return (await page.getByTestId('player-clock').textContent())?.split('/')[1]?.trim();
}

export async function waitForLabel(page: Page, label: string): Promise<void> {
  const toggle = page.getByTestId('play-toggle');
  await waitFor(async () => (await toggle.getAttribute('aria-label')) === label, {
    what: `the play button "${label}"`,
  });
}

/** Waits, in the page, until the clock reads at least `ms` (it shows whole seconds). */
export async function waitForClockAtLeast(page: Page, ms: number): Promise<void> {
  await page.waitForFunction(
    (target) => {
      const text = document.querySelector('[data-testid="player-clock"] span')?.textContent ?? '';
      const [minutes, seconds] = text.split(':').map(Number);
      return minutes !== undefined && seconds !== undefined && (minutes * 60 + seconds) * 1000 >= target;
    },
    ms,
    { polling: 'raf', timeout: 20_000 },
  );
}

/**
 * Plays from where the player is paused until the clock has gone `replayMs` further, then
 * pauses: how far the replay went (the `t` written on pause) and the wall time it took,
 * the clicks included.
 */
export async function playFor(page: Page, replayMs: number): Promise<{ progressMs: number; wallMs: number }> {
  const toggle = page.getByTestId('play-toggle');
  const from = replayT(page) ?? 0;
  const started = performance.now();
  await toggle.click();
  await waitForClockAtLeast(page, from + replayMs);
  await toggle.click();
  const wallMs = Math.round(performance.now() - started);
  await waitForLabel(page, 'Play');
  const to = await waitFor(
    () => {
      const t = replayT(page);
      return t !== undefined && t > from && t;
    },
    { what: 't written on pause' },
  );
  await releaseFocus(page);
  return { progressMs: to - from, wallMs };
}

/** The replay shows the second `t` falls in, give or take one (rrweb pauses on its own timer, a frame apart). */
export async function assertReplayNear(page: Page, t: number): Promise<void> {
  await waitFor(
    async () => {
      const shown = await page.evaluate(() => {
        const frame = document.querySelector<HTMLIFrameElement>('[data-testid="replay-viewport"] iframe');
        return frame?.contentDocument?.querySelector('#second')?.textContent ?? null;
      });
      const second = Number(shown?.replace('Second ', ''));
      return Math.abs(second - Math.floor(t / 1000)) <= 1;
    },
    { what: `the replay showing about second ${Math.floor(t / 1000)}` },
  );
}

/** The theme on <html> and the page's background, with its relative luminance (0 black … 1 white). */
export async function pageLook(page: Page): Promise<{ theme: string | null; background: string; luminance: number }> {
  return page.evaluate(() => {
    const background = getComputedStyle(document.body).backgroundColor;
    const [r = 0, g = 0, b = 0] = (background.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return {
      theme: document.documentElement.getAttribute('data-theme'),
      background,
      luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255,
    };
  });
}
