import { existsSync } from 'node:fs';

/** Debian's package; `CHROMIUM_PATH` points anywhere else (Chrome, a Playwright download). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The Chromium the traffic generator drives, or undefined when this machine has none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH: no file at '${configured}'; unset it or fix the path`);
    return configured;
  }
  return existsSync(DEFAULT_CHROMIUM_PATH) ? DEFAULT_CHROMIUM_PATH : undefined;
}
