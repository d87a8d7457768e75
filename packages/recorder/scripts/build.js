// Builds the recorder: dist/index.js (ESM for bundlers, dependencies external),
// dist/types/*.d.ts (tsc), and dist/sightline.js (minified IIFE for the script tag,
// everything bundled, with its source map). Prints the tag's gzipped size.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rrwebWithoutUnusedCode } from './rrweb-unused-code.js';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
/** The budget for the tag; rrweb's recorder is most of it. */
const TAG_BUDGET_GZIP_BYTES = 40 * 1024;

rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const tag = await build({
  absWorkingDir: root,
  entryPoints: ['src/script-tag.ts'],
  outfile: 'dist/sightline.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [rrwebWithoutUnusedCode()],
});

const code = readFileSync(join(dist, 'sightline.js'));
const gzipped = gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
process.stdout.write(`dist/sightline.js: ${kb(code.length)} minified, ${kb(gzipped)} gzipped (${gzipped} bytes)\n`);

const byPackage = new Map();
for (const [path, { bytesInOutput }] of Object.entries(tag.metafile.outputs['dist/sightline.js'].inputs)) {
  const name = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'sightline (src)';
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
  process.stdout.write(`  ${name.padEnd(24)} ${kb(bytes)} minified\n`);
}
// a warning, not a failure: the root `prepare` builds every package on install; CI sets
// SIGHTLINE_STRICT_SIZE=1 to fail instead
if (gzipped > TAG_BUDGET_GZIP_BYTES) {
  process.stderr.write(`warning: dist/sightline.js is over its ${kb(TAG_BUDGET_GZIP_BYTES)} gzipped budget\n`);
  if (process.env.SIGHTLINE_STRICT_SIZE === '1') process.exitCode = 1;
}
