#!/usr/bin/env node
// The `sightline` command runs the compiled server; `npm run build` (run by `npm ci`'s prepare step) makes it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('sightline: the server is not built yet; run `npm run build` in the repository first\n');
  process.exit(1);
}
await import(cli.href);
