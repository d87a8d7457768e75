import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formatDuration } from '../../../packages/ui/src/format/format-duration.js';
import { chromiumSkipReason } from '../support/chromium.js';
import { type BeyondLoopback, RUN, startBeyondLoopback } from './support/beyond-loopback.js';
import { type RemoteSightline, signInContext } from './support/remote-sightline.js';
import { shortSessionEvents } from './support/synthetic-sessions.js';
import { sortOf, waitForUsers } from './support/ui-pages.js';
import type { Viewer } from './support/viewer.js';

/** The UI asks the server for 50 sessions a page (`views/sessions-list/search-sessions.ts`); one more page than that. */
const PAGE_SIZE = 50;
const LISTED_COUNT = 55;

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

describe('the session list: sorting, filters in the URL, paging', { skip: chromiumSkipReason() }, () => {
  let setup: BeyondLoopback;
  let sightline: RemoteSightline;
  let listed: ListedSession[];
  let lister: Viewer;
  let ui: Page;
  const newViewer = () => setup.newViewer();

  before(async () => {
    setup = await startBeyondLoopback();
    sightline = setup.sightline;
    listed = listedSessions(Date.now());
    await Promise.all(
      listed.map((session) =>
        sightline.postReplay(
          sightline.defaultOrg.ingestKey,
          session.sessionId,
          shortSessionEvents({ ...session, href: `https://list.example/${session.userId}` }),
        ),
      ),
    );
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

  after(async () => {
    await setup?.close();
  });

  it('the UI threw nothing in any context', () => {
    assert.deepEqual(setup.pageErrors(), []);
  });
});
