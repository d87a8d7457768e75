import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeNode } from '../../../src/capture/serialize/describe-node.js';
import { serializeValue } from '../../../src/capture/serialize/serialize-value.js';

const options = { maxDepth: 3, maxLength: 1000 };
const text = (value: unknown, overrides: Partial<typeof options> = {}) =>
  serializeValue(value, { ...options, ...overrides }).text;

describe('serializeValue', () => {
  it('keeps a string argument as is', () => {
    assert.deepEqual(serializeValue('hello "world"', options), { text: 'hello "world"', truncated: false });
  });

  it('writes primitives the way the console shows them', () => {
    assert.equal(text(42), '42');
    assert.equal(text(-0), '-0');
    assert.equal(text(Number.NaN), 'NaN');
    assert.equal(text(true), 'true');
    assert.equal(text(undefined), 'undefined');
    assert.equal(text(null), 'null');
    assert.equal(text(10n), '10n');
    assert.equal(text(Symbol('tag')), 'Symbol(tag)');
  });

  it('names functions', () => {
    assert.equal(
      text(function checkout() {}),
      '[Function checkout]',
    );
    assert.equal(
      text(() => {}),
      '[Function (anonymous)]',
    );
    assert.equal(text({ onClick: function handle() {} }), '{onClick: [Function handle]}');
  });

  it('writes objects, arrays, maps and sets', () => {
    assert.equal(text({ a: 1, 'b-c': 'x', nested: [1, { d: null }] }), '{a: 1, "b-c": "x", nested: [1, {d: null}]}');
    assert.equal(text(new Map([['k', 1]])), 'Map(1) {"k" => 1}');
    assert.equal(text(new Set([1, 2])), 'Set(2) {1, 2}');
    assert.equal(text(new Date(0)), '1970-01-01T00:00:00.000Z');
    assert.equal(text(/a+/g), '/a+/g');
    assert.equal(text(new Uint8Array(3)), 'Uint8Array(3)');
    class Cart {
      items = 2;
    }
    assert.equal(text(new Cart()), 'Cart {items: 2}');
  });

  it('writes an Error with its stack', () => {
    const error = new TypeError('price is undefined');
    const written = text(error);
    assert.ok(written.startsWith('TypeError: price is undefined\n'), written);
    assert.match(written, /at /);
  });

  it('adds the heading to a stack that lacks it (Firefox, Safari)', () => {
    const error = new Error('boom');
    error.stack = 'checkout@https://shop.example/app.js:1:2';
    assert.equal(text(error), 'Error: boom\ncheckout@https://shop.example/app.js:1:2');
  });

  it('marks circular references, and not mere repeats', () => {
    const cart: Record<string, unknown> = { id: 1 };
    cart.self = cart;
    assert.equal(text(cart), '{id: 1, self: [Circular]}');
    const shared = { x: 1 };
    assert.equal(text({ a: shared, b: shared }), '{a: {x: 1}, b: {x: 1}}');
  });

  it('stops at the depth cap and says so', () => {
    const deep = { l1: { l2: { l3: { l4: 1 } } } };
    assert.deepEqual(serializeValue(deep, { maxDepth: 2, maxLength: 1000 }), {
      text: '{l1: {l2: [Object]}}',
      truncated: true,
    });
    assert.deepEqual(serializeValue([[1]], { maxDepth: 1, maxLength: 1000 }), {
      text: '[[Array(1)]]',
      truncated: true,
    });
  });

  it('caps the length, marks it, and does not walk a huge value whole', () => {
    const huge = Array.from({ length: 100_000 }, (_, index) => index);
    const started = performance.now();
    const result = serializeValue(huge, { maxDepth: 3, maxLength: 50 });
    assert.ok(performance.now() - started < 100);
    assert.equal(result.text.length, 50);
    assert.ok(result.text.endsWith('…'));
    assert.equal(result.truncated, true);
    assert.deepEqual(serializeValue('x'.repeat(20), { maxDepth: 3, maxLength: 10 }), {
      text: `${'x'.repeat(9)}…`,
      truncated: true,
    });
  });

  it('survives getters that throw and revoked proxies', () => {
    const hostile = {
      ok: 1,
      get bad() {
        throw new Error('no');
      },
    };
    assert.equal(text(hostile), '{ok: 1, bad: [Unserializable]}');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    assert.equal(text(proxy), '[Unserializable]');
  });

  it('describes DOM nodes, also from another frame', () => {
    const element = {
      nodeType: 1,
      nodeName: 'BUTTON',
      localName: 'button',
      getAttribute: (name: string) => ({ id: 'buy', class: ' primary  large ' })[name] ?? null,
    };
    assert.equal(text(element), '<button#buy.primary.large>');
    assert.equal(text({ target: element }), '{target: <button#buy.primary.large>}');
    assert.equal(describeNode({ nodeType: 3, nodeName: '#text' }), '#text');
    assert.equal(describeNode({ nodeType: 9, nodeName: '#document' }), '#document');
  });

  it('describes a window without touching it', () => {
    const fakeWindow: Record<string, unknown> = {};
    fakeWindow.window = fakeWindow;
    assert.equal(text(fakeWindow), '[Window]');
  });
});
