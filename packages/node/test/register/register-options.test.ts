import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveRegisterSightlineOptions } from '../../src/register/register-options.js';

describe('resolveRegisterSightlineOptions', () => {
  it('defaults to a local server, no key, the default instrumentations and Server-Timing', () => {
    const resolved = resolveRegisterSightlineOptions({}, {});
    assert.equal(resolved.endpoint, 'http://127.0.0.1:4318');
    assert.equal(resolved.key, undefined);
    assert.equal(resolved.serviceName, undefined);
    assert.equal(resolved.instrumentations, undefined);
    assert.equal(resolved.serverTiming, true);
  });

  it('reads SIGHTLINE_ENDPOINT, SIGHTLINE_INGEST_KEY and OTEL_SERVICE_NAME', () => {
    const resolved = resolveRegisterSightlineOptions(
      {},
      {
        SIGHTLINE_ENDPOINT: 'https://sightline.example.com/',
        SIGHTLINE_INGEST_KEY: 'sl_ingest_1',
        OTEL_SERVICE_NAME: 'api',
      },
    );
    assert.equal(resolved.endpoint, 'https://sightline.example.com');
    assert.equal(resolved.key, 'sl_ingest_1');
    assert.equal(resolved.serviceName, 'api');
  });

  it('prefers options over the environment', () => {
    const resolved = resolveRegisterSightlineOptions(
      { endpoint: 'http://10.0.0.5:4318/sightline', key: 'from-code', serviceName: 'checkout' },
      { SIGHTLINE_ENDPOINT: 'http://ignored:1', SIGHTLINE_INGEST_KEY: 'ignored', OTEL_SERVICE_NAME: 'ignored' },
    );
    assert.deepEqual(
      [resolved.endpoint, resolved.key, resolved.serviceName],
      ['http://10.0.0.5:4318/sightline', 'from-code', 'checkout'],
    );
  });

  it('names a bad option or variable, what was expected and the value given', () => {
    assert.throws(
      () => resolveRegisterSightlineOptions({ endpoint: 'ftp://example.com' }, {}),
      /invalid option endpoint: expected the Sightline server's http\(s\) base URL, such as 'http:\/\/127.0.0.1:4318' \(actual: 'ftp:\/\/example.com'\)/,
    );
    assert.throws(
      () => resolveRegisterSightlineOptions({}, { SIGHTLINE_ENDPOINT: 'not a url' }),
      /invalid option SIGHTLINE_ENDPOINT/,
    );
    assert.throws(
      () => resolveRegisterSightlineOptions({ key: '' }, {}),
      /invalid option key: expected a non-empty string/,
    );
    assert.throws(
      () => resolveRegisterSightlineOptions({ instrumentations: 'http' }, {}),
      /invalid option instrumentations/,
    );
    assert.throws(() => resolveRegisterSightlineOptions({ traceExporter: {} }, {}), /invalid option traceExporter/);
  });
});
