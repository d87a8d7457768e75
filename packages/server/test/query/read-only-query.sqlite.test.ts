import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { describeReadOnlyQueryConformance } from './read-only-query.conformance.js';

describeReadOnlyQueryConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-query-'));
  const store = createSqliteStore({ file: join(dir, 'test.db') });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
