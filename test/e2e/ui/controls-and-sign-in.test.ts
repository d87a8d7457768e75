import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatClock, formatDuration } from '../../../packages/ui/src/format/format-duration.js';
import { chromiumSkipReason, launchChromium } from '../support/chromium.js';
import { delay, waitFor } from '../support/poll.js';
import {
  type OrgKeys,
  type RemoteSightline,
  signInContext,
  startRemoteSightline,
  uiSessionCookie,
} from './support/remote-sightline.js';
import { countingSessionEvents, shortSessionEvents } from './support/synthetic-sessions.js';
import { openViewer, type Viewer, waitForReplayElement, waitForReplayText } from './support/viewer.js';

/** One run's ids, so the sessions of this run are told apart from anything else. */
const RUN = randomUUID().slice(0, 8);
/** How long the replayed session lasts: room for the seeks and a run at 4×. */
const REPLAY_SECONDS = 30;
/** The UI asks the server for 50 sessions a page (`views/sessions-list/search-sessions.ts`); one more page than that. */
const PAGE_SIZE = 50;
const LISTED_COUNT = 55;
/**
 * The seek steps of ← / → and Shift+← / → (`SEEK_STEP_MS`, `LONG_SEEK_STEP_MS` of
 * `packages/ui/src/player/keyboard-shortcuts.ts`, which this type check cannot import:
 * the UI resolves imports the bundler's way).
 */
const SEEK_STEP_MS = 5_000;
const LONG_SEEK_STEP_MS = 15_000;

interface ListedSession {
  sessionId: string;
  userId: string;
  startMs: number;
  durationMs: number;
  withError: boolean;
}

/**
 * 55 short sessions of the default org: starts a minute apart (index 0 newest), distinct
 * durations in another order (1–55 s), every other user on the red team, every third with
 * an error — so each sort and each filter gives its own list.
 */
function listedSessions(now: number): ListedSession[] {
  return Array.from({ length: LISTED_COUNT }, (_, index) => {
    const pad = String(index).padStart(2, '0');
    return {
      sessionId: `list-${RUN}-${pad}`,
      userId: `${index % 2 === 0 ? 'team-red' : 'team-blue'}-${pad}`,
      startMs: now - 3_600_000 - index * 60_000,
      durationMs: (((index * 17) % LISTED_COUNT) + 1) * 1000,
      withError: index % 3 === 0,
    };
  });
}

const byNewest = (a: ListedSession, b: ListedSession) => b.startMs - a.startMs;
const byOldest = (a: ListedSession, b: ListedSession) => a.startMs - b.startMs;
const byLongest = (a: ListedSession, b: ListedSession) => b.durationMs - a.durationMs;
const usersOf = (sessions: readonly ListedSession[], order: typeof byNewest) =>
  [...sessions].sort(order).map((session) => session.userId);

/**
 * What a person does in the UI that the journey tests do not: signing in to a server that
 * is not on loopback (two orgs, wrong tokens, deep links, sign-out), sorting, filtering
 * and paging the session list, and driving the player with the keyboard, the speed
 * buttons, the scrubber and the theme toggle. One real server on 0.0.0.0 (browsed at
 * 127.0.0.1), the built UI, one headless Chromium; sessions are synthetic rrweb events
 * posted with each org's ingest key, so every moment of the replay is known.
 */
describe('the UI beyond loopback: sign-in, the session list, the player controls', {
  skip: chromiumSkipReason(),
}, () => {
  let browser: Browser;
  let sightline: RemoteSightline;
  let orgA: OrgKeys;
  let orgB: OrgKeys;
  const alice = { sessionId: `alice-${RUN}`, userId: `alice-${RUN}` };
  const bob = { sessionId: `bob-${RUN}`, userId: `bob-${RUN}` };
  let listed: ListedSession[];
  const viewers: Viewer[] = [];

  /** A fresh context (own cookies and storage) on the UI; its page errors are checked at the end. */
  async function newViewer(): Promise<Viewer> {
    const viewer = await openViewer(browser);
    viewers.push(viewer);
    return viewer;
  }

  before(async () => {
    [browser, sightline] = await Promise.all([launchChromium(), startRemoteSightline()]);
    assert.equal(sightline.loopbackOnly, false, 'the server must not be loopback-only: no automatic sign-in');
    [orgA, orgB] = await Promise.all([sightline.createOrg(`org-a-${RUN}`), sightline.createOrg(`org-b-${RUN}`)]);
    const now = Date.now();
    listed = listedSessions(now);
    await Promise.all([
      sightline.postReplay(
        orgA.ingestKey,
        alice.sessionId,
        countingSessionEvents({
          startMs: now - 600_000,
          seconds: REPLAY_SECONDS,
          href: 'https://shop.example/count',
          userId: alice.userId,
        }),
      ),
      sightline.postReplay(
        orgB.ingestKey,
        bob.sessionId,
        shortSessionEvents({
          startMs: now - 300_000,
          durationMs: 4000,
          href: 'https://b.example/',
          userId: bob.userId,
        }),
      ),
      ...listed.map((session) =>
        sightline.postReplay(
          sightline.defaultOrg.ingestKey,
          session.sessionId,
          shortSessionEvents({ ...session, href: `https://list.example/${session.userId}` }),
        ),
      ),
    ]);
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await sightline?.dispose();
    }
  });

  describe('signing in to a server that is not on loopback', () => {
    let visitor: Viewer;
    let ui: Page;

    before(async () => {
      visitor = await newViewer();
      ui = visitor.page;
    });

    it('opening / shows the sign-in form, and no session: loopback auto sign-in is off', async () => {
      await ui.goto(`${sightline.url}/`);
      await ui.getByRole('heading', { name: 'Sign in to Sightline' }).waitFor();
      assert.equal(await ui.getByLabel('Admin token').inputValue(), '');
      assert.equal(await ui.getByRole('button', { name: 'Sign in' }).isDisabled(), true, 'nothing to send yet');
      assert.equal(await ui.getByTestId('session-row').count(), 0);
      assert.equal(await ui.getByRole('button', { name: 'Sign out' }).count(), 0);
      assert.equal(await uiSessionCookie(ui.context(), sightline.url), undefined, 'the page set no sign-in cookie');
      await visitor.screenshot('10-sign-in');
    });

    it('a wrong token, or an ingest key, is refused with a clear message and the form stays', async () => {
      for (const wrong of [`sl_admin_not-a-token-${RUN}`, orgA.ingestKey]) {
        await ui.getByLabel('Admin token').fill(wrong);
        await ui.getByRole('button', { name: 'Sign in' }).click();
        const alert = ui.getByRole('alert');
        await alert.waitFor();
        assert.equal((await alert.textContent())?.trim(), 'That token was not accepted.');
        await waitFor(async () => (await ui.getByLabel('Admin token').isEnabled()) || undefined, {
          what: 'the token field usable again',
        });
        assert.equal(new URL(ui.url()).pathname, '/', 'still on the page that asked');
        assert.equal(await uiSessionCookie(ui.context(), sightline.url), undefined);
      }
      await visitor.screenshot('11-sign-in-refused');
    });

    it("org A's admin token lands on the session list, with org A's session only; no token is kept", async () => {
      await ui.getByLabel('Admin token').fill(orgA.adminToken);
      await ui.getByRole('button', { name: 'Sign in' }).click();
      const rows = ui.getByTestId('session-row');
      await waitFor(async () => (await rows.count()) === 1, { what: "org A's one session listed" });
      assert.equal(new URL(ui.url()).pathname, '/');
      const listedText = (await rows.allTextContents()).join(' | ');
      assert.match(listedText, new RegExp(alice.userId));
      assert.doesNotMatch(listedText, new RegExp(bob.userId));
      await ui.getByRole('button', { name: 'Sign out' }).waitFor();

      const cookie = await uiSessionCookie(ui.context(), sightline.url);
      assert.ok(cookie, 'the sign-in cookie is set');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.notEqual(cookie.value, orgA.adminToken, 'the cookie is a session secret, not the token');
      await assertNoTokenInPage(ui, [orgA.adminToken]);
    });

    it('a deep link opened signed out goes through the sign-in and lands on that replay, at its t', async () => {
      const deepLink = `/sessions/${alice.sessionId}?t=7500`;
      const colleague = await newViewer();
      const page = colleague.page;
      await page.goto(`${sightline.url}${deepLink}`);
      await page.getByRole('heading', { name: 'Sign in to Sightline' }).waitFor();
      assert.equal(currentPath(page), deepLink, 'the sign-in is shown in place: the link is kept');
      assert.equal(await page.getByTestId('replay-viewport').count(), 0);

      await page.getByLabel('Admin token').fill(orgA.adminToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForReplayText(page, '#second', 'Second 7', 'the replay at 7.5 s after signing in');
      assert.equal(currentPath(page), deepLink);
      assert.equal(await clockText(page), formatClock(7500));
      await assertNoTokenInPage(page, [orgA.adminToken]);
    });

    it('/sign-in?next= goes to that page after signing in; a next off this app goes to the sessions', async () => {
      const next = `/sessions/${alice.sessionId}?t=12500`;
      const other = await newViewer();
      const page = other.page;
      await page.goto(`${sightline.url}/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByRole('heading', { name: 'Sign in to Sightline' }).waitFor();
      await page.getByLabel('Admin token').fill(orgA.adminToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForReplayText(page, '#second', 'Second 12', 'the replay named by next=, at its t');
      assert.equal(currentPath(page), next);

      // signed in now: /sign-in goes straight on to next, unless next leads out of the app
      for (const elsewhere of ['//evil.example/steal', 'https://evil.example/steal', '/sign-in?next=/x']) {
        await page.goto(`${sightline.url}/sign-in?next=${encodeURIComponent(elsewhere)}`);
        await page.waitForURL((url) => url.pathname === '/sessions', { timeout: 10_000 });
        assert.equal(new URL(page.url()).origin, sightline.url, `next=${elsewhere} stays on Sightline`);
        await page.getByTestId('session-row').first().waitFor();
      }
    });

    it('sign out returns to the sign-in form; the old cookie then gets 401; org B then sees only its own', async () => {
      const cookie = await uiSessionCookie(ui.context(), sightline.url);
      assert.ok(cookie);
      await ui.getByRole('button', { name: 'Sign out' }).click();
      await ui.waitForURL((url) => url.pathname === '/sign-in');
      await ui.getByRole('heading', { name: 'Sign in to Sightline' }).waitFor();
      assert.equal(await uiSessionCookie(ui.context(), sightline.url), undefined, 'the cookie is cleared');

      // the server forgot the session: the old cookie, replayed by hand, is refused
      const replayed = await fetch(`${sightline.url}/api/sessions`, {
        headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-sightline-csrf': '1' },
      });
      assert.equal(replayed.status, 401);
      const fromPage = await ui.evaluate(async () => {
        const response = await fetch('/api/sessions', { headers: { 'x-sightline-csrf': '1' } });
        return response.status;
      });
      assert.equal(fromPage, 401, "the page's own API calls are refused");
      await ui.goto(`${sightline.url}/`);
      await ui.getByRole('heading', { name: 'Sign in to Sightline' }).waitFor();
      assert.equal(await ui.getByTestId('session-row').count(), 0);

      await ui.getByLabel('Admin token').fill(orgB.adminToken);
      await ui.getByRole('button', { name: 'Sign in' }).click();
      const rows = ui.getByTestId('session-row');
      await waitFor(async () => (await rows.count()) === 1, { what: "org B's one session listed" });
      const listedText = (await rows.allTextContents()).join(' | ');
      assert.match(listedText, new RegExp(bob.userId));
      assert.doesNotMatch(listedText, new RegExp(alice.userId));
      await assertNoTokenInPage(ui, [orgA.adminToken, orgB.adminToken]);
    });
  });

  describe('the session list: sorting, filters in the URL, paging', () => {
    let lister: Viewer;
    let ui: Page;

    before(async () => {
      lister = await newViewer();
      ui = lister.page;
      await signInContext(ui.context(), sightline.url, sightline.defaultOrg.adminToken);
    });

    it('a column header sorts the list and writes sort= into the URL', async () => {
      await ui.goto(`${sightline.url}/sessions`);
      await waitForUsers(ui, usersOf(listed, byNewest).slice(0, PAGE_SIZE), 'the newest page first');
      assert.equal(await sortOf(ui, 'Started'), 'descending');

      await ui.getByRole('button', { name: 'Duration', exact: true }).click();
      await ui.waitForURL((url) => url.searchParams.get('sort') === 'longest');
      const longest = usersOf(listed, byLongest);
      await waitForUsers(ui, longest.slice(0, PAGE_SIZE), 'the longest sessions first');
      assert.equal(await sortOf(ui, 'Duration'), 'descending');
      assert.equal(await sortOf(ui, 'Started'), null);
      const firstRow = ui.getByTestId('session-row').first();
      assert.match((await firstRow.textContent()) ?? '', new RegExp(formatDuration(LISTED_COUNT * 1000)));
      await lister.screenshot('12-sessions-sorted-by-duration');

      // Started: newest (the default, left out of the URL), then oldest
      await ui.getByRole('button', { name: 'Started', exact: true }).click();
      await ui.waitForURL((url) => url.pathname === '/sessions' && !url.searchParams.has('sort'));
      await waitForUsers(ui, usersOf(listed, byNewest).slice(0, PAGE_SIZE), 'the newest first again');
      await ui.getByRole('button', { name: 'Started', exact: true }).click();
      await ui.waitForURL((url) => url.searchParams.get('sort') === 'oldest');
      await waitForUsers(ui, usersOf(listed, byOldest).slice(0, PAGE_SIZE), 'the oldest first');
      assert.equal(await sortOf(ui, 'Started'), 'ascending');
    });

    it('"Load more" appends the next page, in the same order', async () => {
      await ui.goto(`${sightline.url}/sessions?sort=longest`);
      const longest = usersOf(listed, byLongest);
      await waitForUsers(ui, longest.slice(0, PAGE_SIZE), 'the first page');
      await ui.getByText(`${PAGE_SIZE}+ sessions`, { exact: true }).waitFor();
      const more = ui.getByRole('button', { name: 'Load more' });
      await more.click();
      await waitForUsers(ui, longest, 'all the sessions, the second page after the first');
      await ui.getByText(`${LISTED_COUNT} sessions`, { exact: true }).waitFor();
      await more.waitFor({ state: 'detached' });
    });

    it('the filters live in the URL: the copied link shows the same list in a new browser context', async () => {
      await ui.goto(`${sightline.url}/sessions`);
      await waitForUsers(ui, usersOf(listed, byNewest).slice(0, PAGE_SIZE), 'the unfiltered list');
      const user = ui.getByLabel('User', { exact: true });
      await user.fill('team-red');
      await user.press('Enter');
      await ui.waitForURL((url) => url.searchParams.get('user') === 'team-red');
      await ui.getByLabel(/^Errors/).selectOption('true');
      await ui.waitForURL((url) => url.searchParams.get('hasError') === 'true');
      await ui.getByRole('button', { name: 'Duration', exact: true }).click();
      await ui.waitForURL((url) => url.searchParams.get('sort') === 'longest');
      const expected = usersOf(
        listed.filter((session) => session.userId.startsWith('team-red') && session.withError),
        byLongest,
      );
      assert.equal(expected.length, 10);
      await waitForUsers(ui, expected, 'the red team sessions with errors, longest first');
      const link = ui.url();

      // a colleague opens the link: signs in (this server is not on loopback), then sees the same list
      const colleague = await newViewer();
      const page = colleague.page;
      await page.goto(link);
      await page.getByRole('heading', { name: 'Sign in to Sightline' }).waitFor();
      await page.getByLabel('Admin token').fill(sightline.defaultOrg.adminToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForUsers(page, expected, 'the same filtered list in the new context');
      assert.equal(page.url(), link);
      assert.equal(await page.getByLabel('User', { exact: true }).inputValue(), 'team-red');
      assert.equal(await page.getByLabel(/^Errors/).inputValue(), 'true');
      assert.equal(await sortOf(page, 'Duration'), 'descending');
      await colleague.screenshot('13-sessions-filtered-link-in-new-context');
    });
  });

  describe('the player controls on a 30 s replay', () => {
    let watcher: Viewer;
    let ui: Page;

    before(async () => {
      watcher = await newViewer();
      ui = watcher.page;
      await signInContext(ui.context(), sightline.url, orgA.adminToken);
      await ui.goto(`${sightline.url}/sessions/${alice.sessionId}`);
      await waitForReplayElement(ui, '#second');
      await waitFor(async () => (await ui.getByTestId('play-toggle').isEnabled()) || undefined, {
        what: 'the player ready',
      });
      assert.equal(await totalText(ui), formatClock(REPLAY_SECONDS * 1000));
    });

    it('Space plays and pauses: the button and the clock follow, and pausing writes t', async () => {
      const toggle = ui.getByTestId('play-toggle');
      assert.equal(await toggle.getAttribute('aria-label'), 'Play');
      await releaseFocus(ui);
      await ui.keyboard.press('Space');
      await waitForLabel(ui, 'Pause');
      await waitForClockAtLeast(ui, 2000);
      await ui.keyboard.press('Space');
      await waitForLabel(ui, 'Play');

      const t = await waitFor(() => replayT(ui), { what: 't written into the URL on pause' });
      assert.ok(t >= 2000, `paused after 2 s of playing (t=${t})`);
      assert.equal(await clockText(ui), formatClock(t));
      await assertReplayNear(ui, t);
      // paused means still: the one fixed wait of the file, because nothing moving is the point
      await delay(800);
      assert.equal(await clockText(ui), formatClock(t), 'the clock stays');
      assert.equal(replayT(ui), t, 't stays');
    });

    it(`←/→ seek ${SEEK_STEP_MS / 1000} s (Shift: ${LONG_SEEK_STEP_MS / 1000} s): the clock, t and the replay follow`, async () => {
      await ui.goto(`${sightline.url}/sessions/${alice.sessionId}?t=2500`);
      await waitForReplayText(ui, '#second', 'Second 2', 'the replay opened at t=2.5 s');
      await waitFor(async () => (await ui.getByTestId('play-toggle').isEnabled()) || undefined, {
        what: 'the player ready',
      });
      await releaseFocus(ui);
      for (const [key, expectedMs] of [
        ['ArrowRight', 2500 + SEEK_STEP_MS],
        ['Shift+ArrowRight', 2500 + SEEK_STEP_MS + LONG_SEEK_STEP_MS],
        ['ArrowLeft', 2500 + LONG_SEEK_STEP_MS],
        ['Shift+ArrowLeft', 2500],
      ] as const) {
        await seekWithKey(ui, key, expectedMs);
      }
      assert.equal(await ui.getByTestId('play-toggle').getAttribute('aria-label'), 'Play', 'seeking kept it paused');
    });

    // seeking to exactly 0 while paused once left the previous frame on screen: rrweb's
    // `pause(0)` draws nothing at once (see `show` in packages/ui/src/player/rrweb-renderer.ts)
    it('← past the start seeks to 0: t, the clock and the replay show the very start', async () => {
      assert.equal(replayT(ui), 2500, 'paused at 2.5 s, where the test before left it');
      await releaseFocus(ui);
      await seekWithKey(ui, 'ArrowLeft', 0);
    });

    it('4× marks itself selected and runs the clock faster than 1× does', async (t) => {
      const speed = (label: string) => ui.getByRole('button', { name: label, exact: true });
      assert.equal(await speed('1×').getAttribute('aria-pressed'), 'true');
      const atOne = await playFor(ui, 2000);

      await speed('4×').click();
      assert.equal(await speed('4×').getAttribute('aria-pressed'), 'true');
      assert.equal(await speed('1×').getAttribute('aria-pressed'), 'false');
      const atFour = await playFor(ui, 8000);
      await watcher.screenshot('14-player-after-4x');

      // loose on purpose: wall time includes clicks and polling, which only slows both readings down
      const rateOne = atOne.progressMs / atOne.wallMs;
      const rateFour = atFour.progressMs / atFour.wallMs;
      const detail = `1×: ${atOne.progressMs} ms in ${atOne.wallMs} ms; 4×: ${atFour.progressMs} ms in ${atFour.wallMs} ms`;
      t.diagnostic(detail);
      assert.ok(rateOne <= 1.05, `1× never runs ahead of real time (${detail})`);
      assert.ok(rateFour > 1.5, `4× runs ahead of real time (${detail})`);
      assert.ok(rateFour > 2 * rateOne, `4× runs well ahead of 1× (${detail})`);
    });

    it('a click on the scrubber seeks there: t, the clock and the replay follow', async () => {
      const track = ui.getByTestId('timeline-track');
      const box = await track.boundingBox();
      assert.ok(box && box.width > 100, 'the scrubber is laid out');
      // on the bar at the bottom of the track, three quarters along (no marker there)
      await track.click({ position: { x: box.width * 0.75, y: box.height - 5 } });
      const expectedMs = REPLAY_SECONDS * 1000 * 0.75;
      const tolerance = ((REPLAY_SECONDS * 1000) / box.width) * 2;
      const t = await waitFor(
        () => {
          const value = replayT(ui);
          return value !== undefined && Math.abs(value - expectedMs) <= tolerance && value;
        },
        { what: `t near ${expectedMs} after the click` },
      );
      assert.equal(await clockText(ui), formatClock(t));
      await waitForReplayText(ui, '#second', `Second ${Math.floor(t / 1000)}`, 'the replay at the clicked moment');
      assert.equal(await ui.getByTestId('play-toggle').getAttribute('aria-label'), 'Play');
    });

    it('the theme toggle switches light and dark, and the choice survives a reload', async () => {
      const toggle = ui.getByRole('button', { name: /^Switch to (dark|light) theme$/ });
      assert.equal(await toggle.getAttribute('aria-label'), 'Switch to dark theme', 'light to begin with');
      const light = await pageLook(ui);
      assert.equal(light.theme, null);

      await toggle.click();
      await waitFor(async () => (await pageLook(ui)).theme === 'dark', { what: 'the dark theme applied' });
      const dark = await pageLook(ui);
      assert.ok(dark.luminance < light.luminance, `darker: ${dark.background} after ${light.background}`);
      assert.equal(await toggle.getAttribute('aria-label'), 'Switch to light theme');
      await watcher.screenshot('15-player-dark-theme');

      await ui.reload();
      await waitForReplayElement(ui, '#second');
      assert.deepEqual(await pageLook(ui), dark, 'still dark after a reload');
      assert.equal(await toggle.getAttribute('aria-label'), 'Switch to light theme');

      await toggle.click();
      await waitFor(async () => (await pageLook(ui)).theme === null, { what: 'back to the light theme' });
      await ui.reload();
      await waitForReplayElement(ui, '#second');
      assert.deepEqual(await pageLook(ui), light, 'light after a reload');
    });
  });

  it('the UI threw nothing in any context', () => {
    assert.deepEqual(
      viewers.flatMap((viewer) => viewer.pageErrors),
      [],
    );
  });
});

/** The path and query of the page: what a link to it carries. */
function currentPath(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** The user ids of the listed rows, in their order on screen. */
function listedUsers(page: Page): Promise<string[]> {
  return page.getByTestId('session-row').getByRole('link').allTextContents();
}

async function waitForUsers(page: Page, expected: readonly string[], what: string): Promise<void> {
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
function sortOf(page: Page, column: string): Promise<string | null> {
  return page.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-sort');
}

/** Whatever was clicked last gives the focus back to the page: Space on a focused button presses that button. */
async function releaseFocus(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** `t` of the replay's URL, in ms from the session start. */
function replayT(page: Page): number | undefined {
  const raw = new URL(page.url()).searchParams.get('t');
  return raw === null ? undefined : Number(raw);
}

/** The player clock's position (`0:07`), without the duration. */
async function clockText(page: Page): Promise<string | undefined> {
  return (await page.getByTestId('player-clock').textContent())?.split('/')[0]?.trim();
}

/** Presses `key` on the replay page: `t`, the clock and the replayed page must all come to `expectedMs`. */
async function seekWithKey(page: Page, key: string, expectedMs: number): Promise<void> {
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
async function totalText(page: Page): Promise<string | undefined> {
  return (await page.getByTestId('player-clock').textContent())?.split('/')[1]?.trim();
}

async function waitForLabel(page: Page, label: string): Promise<void> {
  const toggle = page.getByTestId('play-toggle');
  await waitFor(async () => (await toggle.getAttribute('aria-label')) === label, {
    what: `the play button "${label}"`,
  });
}

/** Waits, in the page, until the clock reads at least `ms` (it shows whole seconds). */
async function waitForClockAtLeast(page: Page, ms: number): Promise<void> {
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
async function playFor(page: Page, replayMs: number): Promise<{ progressMs: number; wallMs: number }> {
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
async function assertReplayNear(page: Page, t: number): Promise<void> {
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
async function pageLook(page: Page): Promise<{ theme: string | null; background: string; luminance: number }> {
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

/** No token anywhere a script of the page could read: web storage, readable cookies, the URL. */
async function assertNoTokenInPage(page: Page, tokens: readonly string[]): Promise<void> {
  const exposed = await page.evaluate(() => {
    const entries: string[] = [];
    for (const storage of [window.localStorage, window.sessionStorage]) {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index) ?? '';
        entries.push(`${key}=${storage.getItem(key) ?? ''}`);
      }
    }
    return { entries, cookie: document.cookie, url: window.location.href };
  });
  const everything = [...exposed.entries, exposed.cookie, exposed.url].join('\n');
  for (const token of tokens) assert.ok(!everything.includes(token), 'the admin token is kept nowhere in the page');
  assert.doesNotMatch(everything, /sl_admin_/, 'no admin token of any org');
  assert.equal(exposed.cookie, '', 'the sign-in cookie is HttpOnly: the page reads no cookie');
}
