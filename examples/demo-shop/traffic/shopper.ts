import type { Locator, Page } from 'playwright-core';

/** A busy 2-core machine can take long to show a page; a missed click still fails within this. */
const NAVIGATION_TIMEOUT_MS = 60_000;

/** What a shopper types at checkout; the card is masked by the recorder before it leaves the page. */
export interface CheckoutDetails {
  name: string;
  email: string;
  address: string;
  postalCode: string;
  card: string;
}

/**
 * A person at the keyboard: moves the mouse to what they click and types key by key, so the
 * replay shows a cursor travelling and fields filling in, not teleports.
 */
export interface Shopper {
  readonly page: Page;
  /** Moves to the element's centre in a few steps, then clicks; resolves with the browser's click time. */
  click(target: Locator): Promise<number>;
  type(target: Locator, text: string): Promise<void>;
  /** Opens a page of the shop by clicking its link. */
  follow(linkText: string | RegExp): Promise<void>;
  /**
   * Reads the page for a while, the mouse drifting: the think time of a person. The
   * recording goes on meanwhile, which is what lets Sightline decide the last clicks
   * (a double submit is known only once the recording is 1 s past the second click).
   */
  readFor(ms: number): Promise<void>;
}

export function createShopper(page: Page): Shopper {
  const click = async (target: Locator) => {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (box === null) throw new Error(`cannot click ${target}: it is not visible`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y, { steps: 8 });
    const clickedAt = Date.now();
    await page.mouse.click(x, y);
    return clickedAt;
  };
  return {
    page,
    click,
    async type(target, text) {
      await click(target);
      await target.pressSequentially(text, { delay: 15 });
    },
    async follow(linkText) {
      // the next document is ready to use at DOMContentLoaded; its load event can take long on
      // the slow page, whose animation keeps the main thread busy from the first frame on
      const navigated = page.waitForEvent('framenavigated', {
        predicate: (frame) => frame === page.mainFrame(),
        timeout: NAVIGATION_TIMEOUT_MS,
      });
      await click(page.getByRole('link', { name: linkText }).first());
      await navigated;
      await page.waitForLoadState('domcontentloaded', { timeout: NAVIGATION_TIMEOUT_MS });
    },
    async readFor(ms) {
      const steps = Math.max(1, Math.round(ms / 250));
      for (let step = 0; step < steps; step++) {
        await page.mouse.move(400 + 40 * Math.sin(step), 300 + 20 * step, { steps: 4 });
        await page.waitForTimeout(ms / steps);
      }
    },
  };
}

/** From any page: the product's page, its "Add to cart", and the confirmation the page shows. */
export async function addProductToCart(shopper: Shopper, productName: string): Promise<void> {
  const { page } = shopper;
  if (new URL(page.url()).pathname !== '/') await shopper.follow('Shop');
  await shopper.follow(new RegExp(productName));
  await shopper.click(page.locator('#add-to-cart'));
  await page.locator('#cart-status', { hasText: 'Added to your cart' }).waitFor();
}

/** From any page: the cart, then the checkout form filled in. */
export async function fillCheckout(shopper: Shopper, details: CheckoutDetails): Promise<void> {
  const { page } = shopper;
  await shopper.follow(/^Cart/);
  await shopper.follow('Checkout');
  const field = (name: string) => page.locator(`#checkout-form [name="${name}"]`);
  await shopper.type(field('name'), details.name);
  await shopper.type(field('email'), details.email);
  await shopper.type(field('address'), details.address);
  await shopper.type(field('postalCode'), details.postalCode);
  await shopper.type(field('card'), details.card);
}

export const VALID_CHECKOUT: Omit<CheckoutDetails, 'name' | 'email'> = {
  address: '12 Ridge Road',
  postalCode: '80302',
  card: '4242 4242 4242 4242',
};
