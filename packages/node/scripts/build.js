// Builds dist/esm (the package's own format) and dist/cjs (for require() on Node 20,
// which cannot require ES modules), each with its declarations. dist/cjs gets a
// package.json saying so, or Node would read its .js files as ESM ("type": "module").
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const packageDir = join(import.meta.dirname, '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.build-cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', project], { cwd: packageDir, stdio: 'inherit' });
}
mkdirSync(join(packageDir, 'dist/cjs'), { recursive: true });
writeFileSync(join(packageDir, 'dist/cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
