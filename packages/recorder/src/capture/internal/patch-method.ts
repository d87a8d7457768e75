/**
 * Replaces `target[name]` with a wrapper and returns an `unpatch`. Other libraries may
 * wrap the same function before us (we call what was there) or after us (they call us):
 * `unpatch` restores the previous function only while ours is still installed; otherwise
 * it leaves their wrapper in place and turns ours into a pass-through to the previous one.
 */
// biome-ignore lint/suspicious/noExplicitAny: a patched method's arguments are whatever the host passes.
type AnyFunction = (this: any, ...args: any[]) => any;

export type Unpatch = () => void;

/** What a wrapper of ours remembers, so a later restore can skip it once it is a pass-through. */
interface PatchRecord {
  original: AnyFunction;
  hadOwnProperty: boolean;
  isActive(): boolean;
}

// a registered symbol, not module state: two bundled copies of the recorder recognize each other's wrappers
const PATCH_RECORD = Symbol.for('sightline.patch-record');

export function patchMethod<Target extends object, Name extends keyof Target>(
  target: Target,
  name: Name,
  createWrapper: (previous: Target[Name] & AnyFunction) => Target[Name] & AnyFunction,
): Unpatch {
  const previous = target[name];
  if (typeof previous !== 'function') return () => {};
  const original = previous as Target[Name] & AnyFunction;
  const wrapper = createWrapper(original);
  let active = true;
  const patched = function (this: unknown, ...args: unknown[]) {
    return active ? wrapper.apply(this, args) : original.apply(this, args);
  };
  const record: PatchRecord = {
    original,
    hadOwnProperty: Object.hasOwn(target, name),
    isActive: () => active,
  };
  decorate(patched, original, record);
  target[name] = patched as Target[Name];
  return () => {
    active = false;
    if (target[name] !== patched) return;
    restore(target, name, record);
  };
}

/**
 * Puts back what was there before us, skipping wrappers of ours that were stopped while
 * another wrapper sat above them: stopping two recorders in either order ends with the
 * page's own function.
 */
function restore<Target extends object>(target: Target, name: keyof Target, record: PatchRecord): void {
  let layer = record;
  for (let next = readRecord(layer.original); next && !next.isActive(); next = readRecord(layer.original)) layer = next;
  // an own property we added (e.g. on `navigator`) must go, so the prototype's shows through again
  if (layer.hadOwnProperty) target[name] = layer.original as Target[keyof Target];
  else Reflect.deleteProperty(target, name);
}

function readRecord(fn: AnyFunction): PatchRecord | undefined {
  return (fn as { [PATCH_RECORD]?: PatchRecord })[PATCH_RECORD];
}

function decorate(patched: AnyFunction, original: AnyFunction, record: PatchRecord): void {
  try {
    Object.defineProperty(patched, PATCH_RECORD, { value: record });
    // cosmetic: stack traces and `fetch.name` read as before
    Object.defineProperty(patched, 'name', { value: original.name, configurable: true });
  } catch {
    // the patch works without either
  }
}
