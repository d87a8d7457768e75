// Runs every test file of the repository with Node's test runner (through tsx), prints
// the spec report, and keeps a TAP copy in test-output/ to check what was skipped:
// with SIGHTLINE_REQUIRE_POSTGRES=1 (CI) a skipped PostgreSQL test fails the run.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const outputDir = join(root, 'test-output');
const tapFile = join(outputDir, 'results.tap');
mkdirSync(outputDir, { recursive: true });

function findTestFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(path));
    else if (entry.name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

const roots = [join(root, 'packages'), join(root, 'examples'), join(root, 'test')].filter((dir) => {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
});
const filter = process.argv.slice(2);
const files = roots
  .flatMap(findTestFiles)
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort();
process.stdout.write(`Running ${files.length} test files\n`);

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files.map((file) => relative(root, file)),
  ],
  { cwd: root, stdio: 'inherit' },
);
const code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode ?? 1)));

const skipped = readFileSync(tapFile, 'utf8')
  .split('\n')
  .filter((line) => /^\s*(not )?ok \d+ .*# SKIP/.test(line))
  .map((line) => line.trim());
if (skipped.length > 0) process.stdout.write(`\nSkipped tests:\n  ${skipped.join('\n  ')}\n`);
const skippedPostgres = skipped.filter((line) => /postgres/i.test(line));
if (process.env.SIGHTLINE_REQUIRE_POSTGRES === '1' && skippedPostgres.length > 0) {
  process.stderr.write(`\n${skippedPostgres.length} PostgreSQL test(s) were skipped, which CI does not allow.\n`);
  process.exit(1);
}
process.exit(code);
