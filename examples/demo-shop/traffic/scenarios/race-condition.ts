import type { Response } from 'playwright-core';
import { DEMO_USERS } from '../../src/users.js';
import { addProductToCart, fillCheckout, VALID_CHECKOUT } from '../shopper.js';
import type { Visit } from './scenario.js';

/** The article's number: the second click came 150 ms after the first. */
const DOUBLE_CLICK_GAP_MS = 150;

/**
 * Scenario 2, intermittent 500s at checkout: a fast double click on "Place order". Both
 * clicks send an order for the same cart; the first succeeds, the second gets a 500
 * (the endpoint is not idempotent). The user sees the confirmation and never knows.
 */
export const raceConditionVisit: Visit = {
  kind: 'race-condition',
  title: 'The race condition',
  user: DEMO_USERS[1] as Visit['user'],
  async run(shopper) {
    const { page } = shopper;
    await addProductToCart(shopper, 'Trail Mug');
    await addProductToCart(shopper, 'Wool Socks');
    await fillCheckout(shopper, { ...VALID_CHECKOUT, name: 'Jonas Berg', email: 'jonas@example.com' });

    const orders: Response[] = [];
    const bothAnswered = new Promise<void>((resolve) => {
      page.on('response', (response) => {
        if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/orders') {
          orders.push(response);
          if (orders.length === 2) resolve();
        }
      });
    });
    const button = await page.locator('#place-order').boundingBox();
    if (button === null) throw new Error('the "Place order" button is not visible');
    const x = button.x + button.width / 2;
    const y = button.y + button.height / 2;
    await page.mouse.move(x, y, { steps: 8 });
    const firstClickMs = Date.now();
    await page.mouse.click(x, y);
    // the scenario's timing, not a wait for something: a human's double click
    await new Promise((resolve) => setTimeout(resolve, DOUBLE_CLICK_GAP_MS));
    await page.mouse.click(x, y);
    await bothAnswered;
    await page.locator('#confirmation').waitFor({ state: 'visible' });
    const statuses = orders.map((response) => response.status()).sort();
    if (statuses.join() !== '201,500') throw new Error(`expected one 201 and one 500, got ${statuses.join(', ')}`);
    await shopper.readFor(2000);
    return { momentMs: firstClickMs };
  },
};
