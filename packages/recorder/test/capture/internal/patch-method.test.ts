import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patchMethod } from '../../../src/capture/internal/patch-method.js';

function createTarget() {
  return {
    calls: [] as string[],
    greet(name: string) {
      this.calls.push(`original ${name}`);
      return `hi ${name}`;
    },
  };
}

describe('patchMethod', () => {
  it('wraps the method and keeps `this`, arguments and result', () => {
    const target = createTarget();
    patchMethod(
      target,
      'greet',
      (previous) =>
        function (this: typeof target, name: string) {
          this.calls.push(`ours ${name}`);
          return previous.call(this, name);
        },
    );
    assert.equal(target.greet('ada'), 'hi ada');
    assert.deepEqual(target.calls, ['ours ada', 'original ada']);
    assert.equal(target.greet.name, 'greet');
  });

  it('restores the original when still on top', () => {
    const target = createTarget();
    const original = target.greet;
    const unpatch = patchMethod(target, 'greet', (previous) => previous);
    assert.notEqual(target.greet, original);
    unpatch();
    assert.equal(target.greet, original);
  });

  it('deletes what it added so the prototype’s method shows through again', () => {
    const proto = { hello: () => 'proto' };
    const target: { hello: () => string } = Object.create(proto);
    const unpatch = patchMethod(target, 'hello', () => () => 'ours');
    assert.equal(target.hello(), 'ours');
    unpatch();
    assert.ok(!Object.hasOwn(target, 'hello'));
    assert.equal(target.hello(), 'proto');
  });

  it('becomes a pass-through when another library wrapped it since', () => {
    const target = createTarget();
    const unpatch = patchMethod(
      target,
      'greet',
      (previous) =>
        function (this: typeof target, name: string) {
          this.calls.push('ours');
          return previous.call(this, name);
        },
    );
    const ours = target.greet;
    const theirs = function (this: typeof target, name: string) {
      this.calls.push('theirs');
      return ours.call(this, name);
    };
    target.greet = theirs;
    unpatch();
    assert.equal(target.greet, theirs);
    target.greet('bob');
    assert.deepEqual(target.calls, ['theirs', 'original bob']);
  });

  it('stacks with a second recorder and unwinds in any order', () => {
    const target = createTarget();
    const original = target.greet;
    const tag = (label: string) => (previous: typeof original) =>
      function (this: typeof target, name: string) {
        this.calls.push(label);
        return previous.call(this, name);
      };
    const unpatchA = patchMethod(target, 'greet', tag('a'));
    const unpatchB = patchMethod(target, 'greet', tag('b'));
    unpatchA();
    target.greet('x');
    assert.deepEqual(target.calls, ['b', 'original x']);
    unpatchB();
    assert.equal(target.greet, original);
  });

  it('skips a stopped wrapper of ours down to the prototype’s method', () => {
    const proto = { hello: () => 'proto' };
    const target: { hello: () => string } = Object.create(proto);
    const unpatchA = patchMethod(target, 'hello', (previous) => previous);
    const unpatchB = patchMethod(target, 'hello', (previous) => previous);
    unpatchA();
    unpatchB();
    assert.ok(!Object.hasOwn(target, 'hello'));
  });

  it('unwinds two recorders stopped in reverse order back to the original', () => {
    const target = createTarget();
    const original = target.greet;
    const unpatchA = patchMethod(target, 'greet', (previous) => previous);
    const unpatchB = patchMethod(target, 'greet', (previous) => previous);
    unpatchB();
    unpatchA();
    assert.equal(target.greet, original);
  });

  it('leaves a missing method alone', () => {
    const target: { maybe?: () => void } = {};
    const unpatch = patchMethod(target, 'maybe', (previous) => previous);
    assert.equal(target.maybe, undefined);
    unpatch();
  });
});
