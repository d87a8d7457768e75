import { DEMO_USERS } from '../../src/users.js';
import { addProductToCart, fillCheckout, VALID_CHECKOUT } from '../shopper.js';
import type { Visit } from './scenario.js';

/**
 * Scenario 1, "I clicked submit but nothing happened": a postal code with four digits.
 * Each click on "Place order" shows a toast for 2 s and sends nothing; the user tries
 * twice, then gives up. The backend never hears of it.
 */
export const invisibleErrorVisit: Visit = {
  kind: 'invisible-error',
  title: 'The invisible error',
  user: DEMO_USERS[0] as Visit['user'],
  async run(shopper) {
    const { page } = shopper;
    await addProductToCart(shopper, 'Head Lamp');
    await fillCheckout(shopper, {
      ...VALID_CHECKOUT,
      name: 'Maya Lind',
      email: 'maya@example.com',
      postalCode: '8030',
    });
    const toast = page.locator('.toast');
    const firstClickMs = await shopper.click(page.locator('#place-order'));
    await toast.waitFor({ state: 'visible' });
    await toast.waitFor({ state: 'detached' });
    await shopper.click(page.locator('#place-order'));
    await toast.waitFor({ state: 'visible' });
    await toast.waitFor({ state: 'detached' });
    await shopper.readFor(2000);
    return { momentMs: firstClickMs };
  },
};
