import { describe } from 'node:test';
import { checkPostgresAvailable } from './postgres-availability.js';
import type { TestEngine } from './test-server.js';

/**
 * Runs a suite once per storage engine. PostgreSQL is the real server on 127.0.0.1:5432;
 * if it is unreachable the suite is skipped with the reason, unless
 * SIGHTLINE_REQUIRE_POSTGRES=1 (as in CI), where it fails instead. Await it at the top
 * level of the test file.
 */
export async function describeEachEngine(name: string, suite: (engine: TestEngine) => void): Promise<void> {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  const skipReason = await checkPostgresAvailable();
  describe(`${name} [postgres]`, { skip: skipReason ?? false }, () => suite('postgres'));
}
