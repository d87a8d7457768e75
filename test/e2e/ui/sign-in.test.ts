import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formatClock } from '../../../packages/ui/src/format/format-duration.js';
import { chromiumSkipReason } from '../support/chromium.js';
import { waitFor } from '../support/poll.js';
import { type BeyondLoopback, RUN, startBeyondLoopback } from './support/beyond-loopback.js';
import { type OrgKeys, type RemoteSightline, uiSessionCookie } from './support/remote-sightline.js';
import { countingSessionEvents, shortSessionEvents } from './support/synthetic-sessions.js';
import { clockText, currentPath } from './support/ui-pages.js';
import { type Viewer, waitForReplayText } from './support/viewer.js';

/**
 * Signing in to a server that is not on loopback: two orgs with a session each, wrong
 * tokens, deep links through the sign-in, open redirects refused, sign-out. Sessions are
 * synthetic rrweb events posted with each org's ingest key, so every moment is known.
 */
describe('signing in to a server that is not on loopback', { skip: chromiumSkipReason() }, () => {
  let setup: BeyondLoopback;
  let sightline: RemoteSightline;
  let orgA: OrgKeys;
  let orgB: OrgKeys;
  const alice = { sessionId: `alice-${RUN}`, userId: `alice-${RUN}` };
  const bob = { sessionId: `bob-${RUN}`, userId: `bob-${RUN}` };
  let visitor: Viewer;
  let ui: Page;
  const newViewer = () => setup.newViewer();

  before(async () => {
    setup = await startBeyondLoopback();
    sightline = setup.sightline;
    [orgA, orgB] = await Promise.all([sightline.createOrg(`org-a-${RUN}`), sightline.createOrg(`org-b-${RUN}`)]);
    const now = Date.now();
    await Promise.all([
      sightline.postReplay(
        orgA.ingestKey,
        alice.sessionId,
        countingSessionEvents({
          startMs: now - 600_000,
          seconds: 30,
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
    ]);
    visitor = await newViewer();
    ui = visitor.page;
  });
  after(async () => {
    await setup?.close();
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

  it('the UI threw nothing in any context', () => {
    assert.deepEqual(setup.pageErrors(), []);
  });
});

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
