import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPrivacyRecordOptions } from '../../src/record/privacy.js';

const base = { maskSelector: undefined, blockSelector: undefined };

function fakeInput(type: string, privateAncestor = false): HTMLElement {
  return {
    getAttribute: (name: string) => (name === 'type' ? type : null),
    hasAttribute: () => false,
    closest: () => (privateAncestor ? {} : null),
  } as unknown as HTMLElement;
}

describe('privacy options', () => {
  it('masks every input and [data-private] by default, and blocks the block classes', () => {
    const options = buildPrivacyRecordOptions({ ...base, privacyMode: 'mask-inputs', maskAllInputs: true });
    assert.equal(options.maskAllInputs, true);
    assert.ok(Object.values(options.maskInputOptions).every((masked) => masked === true));
    for (const type of ['password', 'email', 'text', 'textarea', 'select', 'number', 'tel']) {
      assert.equal((options.maskInputOptions as Record<string, boolean>)[type], true, type);
    }
    assert.equal(options.maskTextSelector, '[data-private],[contenteditable]:not([contenteditable="false"])');
    assert.equal(options.blockSelector, '.sightline-block,.qorrelate-block,[data-sightline-storm]');
    assert.equal(options.maskInputFn('secret', fakeInput('text')), '******');
  });

  it('masks all text in mask-all mode', () => {
    const options = buildPrivacyRecordOptions({ ...base, privacyMode: 'mask-all', maskAllInputs: true });
    assert.equal(options.maskTextSelector, '*');
  });

  it('unmasks inputs only for an explicit maskAllInputs: false, and never passwords or private fields', () => {
    const options = buildPrivacyRecordOptions({ ...base, privacyMode: 'none', maskAllInputs: false });
    assert.equal(options.maskInputFn('hello', fakeInput('text')), 'hello');
    assert.equal(options.maskInputFn('hunter2', fakeInput('password')), '*******');
    assert.equal(options.maskInputFn('4111', fakeInput('text', true)), '****');
    assert.equal(options.maskTextSelector, '[data-private]', 'contenteditable is not masked either');
  });

  it("adds the app's selectors to the defaults", () => {
    const options = buildPrivacyRecordOptions({
      privacyMode: 'mask-inputs',
      maskAllInputs: true,
      maskSelector: '.pii',
      blockSelector: '#chat',
    });
    assert.match(options.maskTextSelector, /,\.pii$/);
    assert.match(options.blockSelector, /^\.sightline-block,\.qorrelate-block,.*,#chat$/);
  });
});
