import { DEMO_USERS } from '../../src/users.js';
import type { Visit } from './scenario.js';

/**
 * Scenario 3, "the page freezes": the flash deals page thrashes layout on every frame.
 * The user opens it, tries to scroll while it stutters, waits for the deals to settle,
 * then opens one.
 */
export const slowPageVisit: Visit = {
  kind: 'slow-page',
  title: 'The slow page',
  user: DEMO_USERS[2] as Visit['user'],
  async run(shopper) {
    const { page } = shopper;
    await shopper.follow('Head Lamp');
    const openedMs = Date.now();
    await shopper.follow('Flash deals');
    // every input waits for a frame of several hundred ms: one move, one scroll
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 600);
    await page.locator('#deals-status', { hasText: 'ending soon' }).waitFor({ timeout: 60_000 });
    await page.mouse.wheel(0, -600);
    await shopper.follow('View');
    await shopper.readFor(1000);
    return { momentMs: openedMs };
  },
};
