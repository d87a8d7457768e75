import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES_DIR, importFixtures, readFixtures } from '../traffic/fixtures/import-fixtures.js';
import { SCENARIO_NAMES } from '../traffic/scenarios/scenario.js';
import { createSightlineApi, type SightlineApi } from '../traffic/sightline-api.js';
import { readAllEvents, requestsTo } from './support/replay-events.js';
import { type SightlineTestServer, startSightlineServer } from './support/sightline-server.js';

/**
 * The committed demo sessions that `npm start` loads where there is no Chromium: they go
 * in through the public ingest endpoints and come out as whole sessions, happening now.
 */
describe('demo session fixtures', () => {
  let sightline: SightlineTestServer;
  let api: SightlineApi;

  before(async () => {
    sightline = await startSightlineServer();
    api = createSightlineApi(sightline.url, sightline.adminToken);
  });
  after(() => sightline?.dispose());

  it('are small enough to commit (under 2 MB) and hold the three scenarios', async () => {
    const files = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.json'));
    const bytes = files.reduce((sum, file) => sum + statSync(join(FIXTURES_DIR, file)).size, 0);
    assert.ok(bytes < 2 * 1024 * 1024, `${bytes} bytes`);
    const kinds = (await readFixtures()).map((fixture) => fixture.kind);
    for (const name of SCENARIO_NAMES) assert.ok(kinds.includes(name), `a '${name}' fixture`);
  });

  it('load into a server as sessions with their replay, spans and logs, ending now', async () => {
    const importedAt = Date.now();
    const { sessions, scenarios } = await importFixtures({ url: sightline.url, ingestKey: sightline.ingestKey });
    const fixtures = await readFixtures();
    assert.equal(sessions.length, fixtures.length);
    for (const session of sessions) {
      const summary = await api.getSession(session.sessionId);
      assert.ok(summary, `${session.title}: the API knows it`);
      assert.equal(summary.hasReplay, true);
      assert.ok(summary.eventCount > 0, `${session.title}: replay events`);
      assert.ok(summary.spanCount > 0, `${session.title}: backend spans`);
      assert.equal(summary.userId, session.userId);
      assert.match(String(summary.browser), /Chrome/, "the recording browser's User-Agent came along");
      assert.ok(summary.endedAtMs <= Date.now() && summary.endedAtMs > importedAt - 120_000, 'shifted to now');
    }

    // the links between replay and backend survive the new ids
    const race = scenarios['race-condition'];
    const events = await readAllEvents(api, race.sessionId);
    const failed = requestsTo(events, 'POST', '/api/orders').find((order) => order.status === 500);
    assert.ok(failed?.traceId, 'the 500 request, linked to a trace');
    const trace = await api.getTrace(failed.traceId);
    assert.equal(trace?.sessionId, race.sessionId);
    assert.ok(trace?.spans.some((span) => span.statusCode === 'ERROR'));
    assert.ok(
      (await api.getLogs(race.sessionId)).some((log) => log.traceId === failed.traceId && log.severityNumber >= 17),
      'its error log',
    );
    assert.ok(
      events.every((event) => event.timestamp > importedAt - 120_000),
      'every replay event shifted to now',
    );
    // insights are found at ingest: they need the events' own times shifted consistently
    assert.equal((await api.getSession(race.sessionId))?.doubleSubmitCount, 1, 'the double submit');
    const slowFrames = (await api.getSession(scenarios['slow-page'].sessionId))?.slowFrameCount;
    assert.ok(typeof slowFrames === 'number' && slowFrames > 0, 'the slow frames');
  });

  it('load twice as two copies, not one', async () => {
    const first = await importFixtures({ url: sightline.url, ingestKey: sightline.ingestKey });
    const second = await importFixtures({ url: sightline.url, ingestKey: sightline.ingestKey });
    const race = [first, second].map((result) => result.scenarios['race-condition'].sessionId);
    assert.notEqual(race[0], race[1]);
    const spanCounts = await Promise.all(race.map(async (id) => (await api.getSession(id))?.spanCount));
    assert.equal(spanCounts[0], spanCounts[1], 'the second copy keeps every span (new trace and span ids)');
  });
});
