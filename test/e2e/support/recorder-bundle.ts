import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one-script-tag recorder the server serves at `/sightline.js`. */
export const RECORDER_BUNDLE_PATH = fileURLToPath(
  new URL('../../../packages/recorder/dist/sightline.js', import.meta.url),
);

/**
 * Throws, saying how to build it, when `dist/sightline.js` is missing: a page without its
 * recorder would only make every assertion fail for a confusing reason. (The root
 * `npm ci` builds it through `prepare`.)
 */
export function assertRecorderBuilt(): void {
  if (!existsSync(RECORDER_BUNDLE_PATH)) {
    throw new Error(`${RECORDER_BUNDLE_PATH} is missing: run \`npm run build -w @sightline/recorder\` first`);
  }
}
