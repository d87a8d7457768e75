import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { describeReplayConformance } from './replay-conformance.js';
import { describeReplayInsightConformance } from './replay-insight-conformance.js';
import { describeSessionSearchConformance } from './session-search-conformance.js';
import { describeStoreConformance, type StoreHarness } from './store-conformance.js';

async function openSqliteStore(): Promise<StoreHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-store-'));
  const store = createSqliteStore({ file: join(dir, 'test.db') });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStoreConformance('sqlite', openSqliteStore);
describeReplayConformance('sqlite', openSqliteStore);
describeReplayInsightConformance('sqlite', openSqliteStore);
describeSessionSearchConformance('sqlite', openSqliteStore);
