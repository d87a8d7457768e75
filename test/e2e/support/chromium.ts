import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

/** Where Chromium is looked for when `CHROMIUM_PATH` is not set (Debian's `chromium` package). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

/**
 * Why browser tests cannot run here, or `undefined` when they can. Pass it as the
 * `skip` option of the file's `describe`, so a missing browser is a stated skip, not a
 * failure: `describe('…', { skip: chromiumSkipReason() }, () => { … })`.
 */
export function chromiumSkipReason(): string | undefined {
  const path = chromiumPath();
  if (existsSync(path)) return undefined;
  return process.env.CHROMIUM_PATH === undefined
    ? `Chromium not found at ${DEFAULT_CHROMIUM_PATH} and CHROMIUM_PATH is not set (apt-get install chromium)`
    : `Chromium not found at CHROMIUM_PATH=${path}`;
}

/** One headless Chromium for a test file: launch it in `before`, close it in `after`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * tsx compiles tests with esbuild's `keepNames`, which wraps named functions in
 * `__name(fn, "name")`; code passed to `page.evaluate` then fails in the page with
 * "__name is not defined". Every page of a context made here gets a no-op `__name`.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (target) => target;';

/** A fresh context (its own cookies and sessionStorage) whose pages accept code from `page.evaluate`. */
export async function newTestContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(KEEP_NAMES_SHIM);
  return context;
}
