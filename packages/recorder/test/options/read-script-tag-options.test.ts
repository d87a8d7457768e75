import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readScriptTagOptions } from '../../src/script-tag-options.js';

function script(src: string, attributes: Record<string, string>) {
  return { src, getAttribute: (name: string) => attributes[name] ?? null };
}

describe('readScriptTagOptions', () => {
  it('reads the tag of the product issue', () => {
    const options = readScriptTagOptions(
      script('https://sightline.example.com/sightline.js', {
        'data-key': 'INGEST_KEY',
        'data-privacy-mode': 'mask-inputs',
        'data-sample-rate': '0.1',
      }),
    );
    assert.deepEqual(options, {
      key: 'INGEST_KEY',
      endpoint: 'https://sightline.example.com',
      privacyMode: 'mask-inputs',
      sessionSampleRate: 0.1,
    });
  });

  it('accepts data-org-id as an alias and data-endpoint as an override', () => {
    const options = readScriptTagOptions(
      script('https://cdn.example/sightline.js', { 'data-org-id': 'ORG', 'data-endpoint': 'https://ingest.example' }),
    );
    assert.equal(options.key, 'ORG');
    assert.equal(options.endpoint, 'https://ingest.example');
  });

  it('reads lists and booleans', () => {
    const options = readScriptTagOptions(
      script('https://s.example/sightline.js', {
        'data-key': 'k',
        'data-propagate-to': 'https://api.example, https://auth.example',
        'data-capture-bodies-for': '/api/orders /api/cart',
        'data-cookie': 'false',
        'data-error-sample-rate': '0.5',
      }),
    );
    assert.deepEqual(options.propagateTo, ['https://api.example', 'https://auth.example']);
    assert.deepEqual(options.network, { captureBodiesFor: ['/api/orders', '/api/cart'] });
    assert.equal(options.cookie, false);
    assert.equal(options.errorSampleRate, 0.5);
  });

  it('names the attribute when a value is malformed', () => {
    assert.throws(
      () =>
        readScriptTagOptions(script('https://s.example/sightline.js', { 'data-key': 'k', 'data-sample-rate': 'ten%' })),
      /^SightlineError: data-sample-rate: expected a number from 0 to 1 \(actual: 'ten%'\)$/,
    );
    assert.throws(
      () => readScriptTagOptions(script('https://s.example/sightline.js', { 'data-key': 'k', 'data-cookie': 'no' })),
      /data-cookie: expected "true" or "false" \(actual: 'no'\)/,
    );
  });
});
