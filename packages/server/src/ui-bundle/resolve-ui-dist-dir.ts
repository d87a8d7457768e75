import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const UI_PACKAGE = '@sightline/ui';

/** The built web app (`@sightline/ui`'s `dist/`), or undefined when the package is not installed. */
export function resolveUiDistDir(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const nodeModules of require.resolve.paths(UI_PACKAGE) ?? []) {
    const packageDir = join(nodeModules, UI_PACKAGE);
    if (existsSync(join(packageDir, 'package.json'))) return join(packageDir, 'dist');
  }
  return undefined;
}
