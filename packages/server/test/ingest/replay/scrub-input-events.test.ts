import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passesLuhn, scrubInputEvents, scrubSensitiveText } from '../../../src/ingest/replay/scrub-input-events.js';
import { replayEvents as e } from '../../support/replay-fixtures.js';

function digits(text: string): number[] {
  return [...text.replace(/\D/g, '')].map(Number);
}

describe('scrubSensitiveText', () => {
  it('masks Luhn-valid card numbers, with or without spaces and dashes, keeping the length', () => {
    assert.equal(scrubSensitiveText('4111 1111 1111 1111'), '*******************');
    assert.equal(scrubSensitiveText('card: 4111-1111-1111-1111.'), 'card: *******************.');
    assert.equal(scrubSensitiveText('5555555555554444'), '****************');
    assert.equal(scrubSensitiveText('378282246310005'), '***************');
  });

  it('keeps digit runs that are not card numbers', () => {
    assert.equal(scrubSensitiveText('4111 1111 1111 1112'), '4111 1111 1111 1112'); // fails Luhn
    assert.equal(scrubSensitiveText('order 123456'), 'order 123456');
    assert.equal(scrubSensitiveText('+1 415-555-0100'), '+1 415-555-0100');
    assert.equal(scrubSensitiveText('qty 12, zip 75011'), 'qty 12, zip 75011');
  });

  it('masks a run of more than 19 digits whole: it can hide a card number', () => {
    assert.equal(scrubSensitiveText('ref 12345678901234567890'), `ref ${'*'.repeat(20)}`);
  });

  it('finds a card number among other digit groups', () => {
    assert.equal(scrubSensitiveText('qty 2 4111 1111 1111 1111'), 'qty 2 *******************');
    assert.equal(scrubSensitiveText('12 4111111111111111 35'), '12 **************** 35');
  });

  it('masks email addresses, not the sentence around them', () => {
    assert.equal(scrubSensitiveText('jane.doe+shop@example.co.uk'), '***************************');
    assert.equal(scrubSensitiveText('write to a@b.io.'), 'write to ******.');
    assert.equal(scrubSensitiveText('me@localhost'), 'me@localhost');
    assert.equal(scrubSensitiveText('@handle and x@'), '@handle and x@');
  });

  it('stays linear on long hostile text', () => {
    const hostile = `${'a'.repeat(200_000)}@${'b.'.repeat(100_000)}`;
    const started = performance.now();
    scrubSensitiveText(hostile);
    scrubSensitiveText('1 '.repeat(200_000));
    assert.ok(performance.now() - started < 1000);
  });

  it('implements the Luhn check', () => {
    assert.equal(passesLuhn(digits('4111111111111111')), true);
    assert.equal(passesLuhn(digits('79927398713')), true);
    assert.equal(passesLuhn(digits('79927398710')), false);
  });
});

describe('scrubInputEvents', () => {
  it('scrubs input events only, and says how many it changed', () => {
    const events = [
      e.input(1, '4111 1111 1111 1111'),
      e.input(2, 'jane@example.com'),
      e.input(3, 'hello'),
      e.custom(4, 'sightline.track', { name: 'paid', properties: { card: '4111111111111111' } }),
    ];
    assert.equal(scrubInputEvents(events), 2);
    assert.deepEqual(
      events.map((event) => (event.data as { text?: string }).text),
      ['*******************', '****************', 'hello', undefined],
    );
  });
});
