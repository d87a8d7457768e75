import { DEMO_USERS, type DemoUser } from '../../src/users.js';
import { addProductToCart, fillCheckout, VALID_CHECKOUT } from '../shopper.js';
import type { Visit } from './scenario.js';

const user = (index: number) => DEMO_USERS[index] as DemoUser;

/** Normal sessions around the scenarios: what most of a real shop's traffic looks like. */
export const browsingVisits: readonly Visit[] = [
  {
    kind: 'browsing',
    title: 'A purchase',
    user: user(3),
    async run(shopper) {
      await addProductToCart(shopper, 'Field Notebook');
      await fillCheckout(shopper, { ...VALID_CHECKOUT, name: 'Priya Shah', email: 'priya@example.com' });
      await shopper.click(shopper.page.locator('#place-order'));
      await shopper.page.locator('#confirmation').waitFor({ state: 'visible' });
      await shopper.readFor(1500);
      return {};
    },
  },
  {
    kind: 'browsing',
    title: 'An abandoned cart',
    user: user(4),
    async run(shopper) {
      await shopper.follow('Pocket Knife');
      await addProductToCart(shopper, 'Trail Map');
      await shopper.follow(/^Cart/);
      return {};
    },
  },
  {
    kind: 'browsing',
    title: 'Window shopping',
    user: user(5),
    async run(shopper) {
      await shopper.follow('Wool Socks');
      await shopper.follow('Shop');
      await shopper.page.mouse.wheel(0, 400);
      await shopper.follow('Trail Mug');
      return {};
    },
  },
];
