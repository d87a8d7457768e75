import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const RECORDER_PACKAGE = '@sightline/recorder';

/**
 * The `dist/` folder of the workspace's `@sightline/recorder` (where its build writes
 * `sightline.js` and the map), or undefined when the package is not installed. The
 * folder is found even when the package's `exports` do not list `package.json`.
 */
export function resolveRecorderDistDir(): string | undefined {
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve(`${RECORDER_PACKAGE}/package.json`)), 'dist');
  } catch {
    // ERR_PACKAGE_PATH_NOT_EXPORTED or not installed: look where Node would look
  }
  for (const nodeModules of require.resolve.paths(RECORDER_PACKAGE) ?? []) {
    const packageDir = join(nodeModules, RECORDER_PACKAGE);
    if (existsSync(join(packageDir, 'package.json'))) return join(packageDir, 'dist');
  }
  return undefined;
}
