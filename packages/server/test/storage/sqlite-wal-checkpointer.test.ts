import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { startWalCheckpointer } from '../../src/storage/sqlite/wal-checkpointer.js';
import type { SpanRecord } from '../../src/storage/store.js';
import { makeBatch, makeSpan, randomTraceId } from '../support/telemetry-fixtures.js';

const PAGE_BYTES = 4096;
/** About 1 KB a span, as real spans with a dozen attributes are. */
const PADDING = 'x'.repeat(900);

function walBytes(file: string): number {
  return existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
}

function makeTrace(spanCount: number): SpanRecord[] {
  const traceId = randomTraceId();
  const startUs = Date.now() * 1000;
  return Array.from({ length: spanCount }, (_, index) =>
    makeSpan({ traceId, startUs: startUs + index, attributesJson: JSON.stringify({ index, padding: PADDING }) }),
  );
}

function countSpans(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM spans').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('SQLite WAL checkpointer', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sightline-wal-'));
    file = join(dir, 'test.db');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the WAL bounded under sustained writes, and loses none of them', async () => {
    const restartPages = 256;
    const store = createSqliteStore({ file, walCheckpoint: { intervalMs: 10, restartPages } });
    const orgId = (await store.createOrg('org')).id;
    let written = 0;
    let largestWal = 0;
    // about 25 MB of spans: without restarts the WAL would hold all of it
    for (let batch = 0; batch < 500; batch += 1) {
      const spans = makeTrace(50);
      await store.insertTelemetry(orgId, makeBatch(spans));
      written += spans.length;
      largestWal = Math.max(largestWal, walBytes(file));
      // the gaps a server has between requests, in which the thread's messages arrive
      if (batch % 5 === 0) await sleep(1);
    }
    await store.close();

    assert.ok(largestWal > restartPages * PAGE_BYTES, `the WAL never filled (${largestWal} bytes)`);
    assert.ok(largestWal < 12 * 1024 * 1024, `the WAL grew to ${largestWal} bytes`);
    assert.equal(walBytes(file), 0, 'close leaves no WAL behind');
    assert.equal(countSpans(file), written);
  });

  it('gives the WAL file back once writes stop', async () => {
    const store = createSqliteStore({ file, walCheckpoint: { intervalMs: 10, restartPages: 1 << 20 } });
    const orgId = (await store.createOrg('org')).id;
    for (let batch = 0; batch < 20; batch += 1) await store.insertTelemetry(orgId, makeBatch(makeTrace(50)));
    assert.ok(walBytes(file) > 0);
    const deadline = Date.now() + 5000;
    while (walBytes(file) > 0 && Date.now() < deadline) await sleep(10);
    assert.equal(walBytes(file), 0, 'an idle WAL is truncated');
    await store.close();
  });

  it('checkpoints everything and ends its thread on close', async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT)');
    // a long interval: only the last checkpoint, on close, can empty the WAL
    const checkpointer = startWalCheckpointer(db, file, { intervalMs: 60_000 });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let row = 0; row < 2000; row += 1) insert.run(PADDING);
    assert.ok(walBytes(file) > 2000 * PADDING.length, 'SQLite checkpointed on its own');

    await checkpointer.close();
    assert.equal(walBytes(file), 0);
    assert.ok(
      !process.getActiveResourcesInfo().includes('MessagePort'),
      `handles left open: ${process.getActiveResourcesInfo().join(', ')}`,
    );
    await checkpointer.close();
    db.close();
  });

  it('returns every span and session after a close and a reopen', async () => {
    const sessionId = 'session-reopened';
    const spans = makeTrace(30).map((span) => ({ ...span, sessionId }));
    const first = createSqliteStore({ file });
    const orgId = (await first.createOrg('org')).id;
    await first.insertTelemetry(orgId, makeBatch(spans));
    const [traceId] = spans.map((span) => span.traceId);
    assert.ok(traceId);
    const before = await first.listTraceSpans(orgId, traceId);
    await first.close();

    const second = createSqliteStore({ file });
    try {
      assert.deepEqual(await second.listTraceSpans(orgId, traceId), before);
      assert.equal(before.length, spans.length);
      assert.equal((await second.getSession(orgId, sessionId))?.spanCount, spans.length);
    } finally {
      await second.close();
    }
  });
});
