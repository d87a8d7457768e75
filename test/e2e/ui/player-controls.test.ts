import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formatClock } from '../../../packages/ui/src/format/format-duration.js';
import { chromiumSkipReason } from '../support/chromium.js';
import { delay, waitFor } from '../support/poll.js';
import { type BeyondLoopback, RUN, startBeyondLoopback } from './support/beyond-loopback.js';
import { type OrgKeys, type RemoteSightline, signInContext } from './support/remote-sightline.js';
import { countingSessionEvents } from './support/synthetic-sessions.js';
import {
  assertReplayNear,
  clockText,
  pageLook,
  playFor,
  releaseFocus,
  replayT,
  seekWithKey,
  totalText,
  waitForClockAtLeast,
  waitForLabel,
} from './support/ui-pages.js';
import { type Viewer, waitForReplayElement, waitForReplayText } from './support/viewer.js';

/** How long the replayed session lasts: room for the seeks and a run at 4×. */
const REPLAY_SECONDS = 30;
/**
 * The seek steps of ← / → and Shift+← / → (`SEEK_STEP_MS`, `LONG_SEEK_STEP_MS` of
 * `packages/ui/src/player/keyboard-shortcuts.ts`, which this type check cannot import:
 * the UI resolves imports the bundler's way).
 */
const SEEK_STEP_MS = 5_000;
const LONG_SEEK_STEP_MS = 15_000;

describe('the player controls on a 30 s replay', { skip: chromiumSkipReason() }, () => {
  let setup: BeyondLoopback;
  let sightline: RemoteSightline;
  let orgA: OrgKeys;
  const alice = { sessionId: `alice-${RUN}`, userId: `alice-${RUN}` };
  let watcher: Viewer;
  let ui: Page;

  before(async () => {
    setup = await startBeyondLoopback();
    sightline = setup.sightline;
    orgA = await sightline.createOrg(`org-a-${RUN}`);
    await sightline.postReplay(
      orgA.ingestKey,
      alice.sessionId,
      countingSessionEvents({
        startMs: Date.now() - 600_000,
        seconds: REPLAY_SECONDS,
        href: 'https://shop.example/count',
        userId: alice.userId,
      }),
    );
    watcher = await setup.newViewer();
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

  after(async () => {
    await setup?.close();
  });

  it('the UI threw nothing in any context', () => {
    assert.deepEqual(setup.pageErrors(), []);
  });
});
