import type { Clock, TimerHandle } from '../internal/clock.js';
import type { ErrorReporter } from '../internal/error-reporter.js';

export interface MutationGuardOptions {
  /** Nodes added or removed (subtrees included) in one observer callback above which it is a storm. */
  limit: number;
  /** How long without another storm before recording resumes. @default 1500 */
  calmMs?: number;
  clock: Clock;
  reporter: ErrorReporter;
  /**
   * A storm began: stop rrweb now, before its observer serializes the batch. `container`
   * is the element that received most of the added nodes, if one did.
   */
  onStorm: (nodeCount: number, container: Element | undefined) => void;
  /** Things calmed down: restart recording (a fresh full snapshot). */
  onCalm: () => void;
}

export interface MutationGuard {
  /** Observes `doc`; must run before rrweb creates its own observer. */
  start(doc: Document): void;
  stop(): void;
}

interface MutationObserverWindow {
  MutationObserver: typeof MutationObserver;
  Zone?: { __symbol__?: (name: string) => string };
}

/**
 * Upstream rrweb has no hook to skip a mutation batch (Sentry's fork adds `onMutation`),
 * and serializing 50,000 inserted nodes freezes the page. So this observer is created
 * before rrweb's: mutation observers are notified in creation order, and stopping rrweb
 * from this callback disconnects its observer, which empties its pending records (DOM
 * spec) — rrweb never sees the storm. Counting is capped at `limit`, so the guard itself
 * stays cheap however big the batch.
 */
export function createMutationGuard(options: MutationGuardOptions): MutationGuard {
  const { limit, clock, reporter, onStorm, onCalm } = options;
  const calmMs = options.calmMs ?? 1500;
  let observer: MutationObserver | undefined;
  let calmTimer: TimerHandle | undefined;

  const onMutations = reporter.guard((records: MutationRecord[]) => {
    const { count, container } = countMutatedNodes(records, limit);
    if (count <= limit) return;
    const stormBegins = calmTimer === undefined;
    if (calmTimer !== undefined) clock.clearTimeout(calmTimer);
    calmTimer = clock.setTimeout(() => {
      calmTimer = undefined;
      try {
        onCalm();
      } catch (error) {
        reporter.report(error, 'record_failed');
      }
    }, calmMs);
    if (stormBegins) onStorm(count, container);
  }, 'record_failed');

  return {
    start(doc) {
      const win = doc.defaultView as (Window & MutationObserverWindow) | null;
      if (win === null || observer !== undefined) return;
      const Observer = unpatchedMutationObserver(win);
      observer = new Observer(onMutations);
      // node counts are what make rrweb slow; attribute and text records are cheap for it
      observer.observe(doc, { childList: true, subtree: true });
    },
    stop() {
      observer?.disconnect();
      observer = undefined;
      if (calmTimer !== undefined) clock.clearTimeout(calmTimer);
      calmTimer = undefined;
    },
  };
}

export interface MutationCount {
  /** Nodes added or removed, subtrees included; counting stops just past the limit. */
  count: number;
  /**
   * Where most of the added nodes went: one added element holding more than half of them
   * (a big subtree inserted at once), else the parent that received more than half.
   */
  container: Element | undefined;
}

/**
 * Nodes touched by a batch of records, counting the subtrees of added and removed nodes
 * (what rrweb would serialize or unmap), and stopping as soon as the count passes `limit`.
 */
export function countMutatedNodes(records: ArrayLike<MutationRecord>, limit: number): MutationCount {
  let count = 0;
  let added = 0;
  const addedByTarget = new Map<Node, number>();
  let biggest: { node: Node; size: number } | undefined;
  for (let index = 0; index < records.length && count <= limit; index++) {
    const record = records[index] as MutationRecord;
    if (record.type !== 'childList') {
      count += 1;
      continue;
    }
    const addedNodes = record.addedNodes;
    let addedHere = 0;
    for (let nodeIndex = 0; nodeIndex < addedNodes.length && count + addedHere <= limit; nodeIndex++) {
      const node = addedNodes[nodeIndex] as Node;
      const size = countSubtree(node, limit - count - addedHere);
      addedHere += size;
      if (biggest === undefined || size > biggest.size) biggest = { node, size };
    }
    const removedNodes = record.removedNodes;
    let removedHere = 0;
    for (let nodeIndex = 0; nodeIndex < removedNodes.length && count + addedHere + removedHere <= limit; nodeIndex++) {
      removedHere += countSubtree(removedNodes[nodeIndex] as Node, limit - count - addedHere - removedHere);
    }
    count += addedHere + removedHere;
    added += addedHere;
    if (addedHere > 0) addedByTarget.set(record.target, (addedByTarget.get(record.target) ?? 0) + addedHere);
  }
  if (biggest !== undefined && biggest.size * 2 > added && isElement(biggest.node)) {
    return { count, container: biggest.node };
  }
  for (const [target, addedHere] of addedByTarget) {
    if (addedHere * 2 > added && isElement(target)) return { count, container: target };
  }
  return { count, container: undefined };
}

/** A node and its descendants, walked only as far as `budget` allows. */
function countSubtree(root: Node, budget: number): number {
  let count = 1;
  for (let node: Node | null = root.firstChild; node !== null && count <= budget; node = nextInSubtree(node, root))
    count += 1;
  return count;
}

function nextInSubtree(node: Node, root: Node): Node | null {
  if (node.firstChild !== null) return node.firstChild;
  for (let current: Node | null = node; current !== null && current !== root; current = current.parentNode) {
    if (current.nextSibling !== null) return current.nextSibling;
  }
  return null;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Angular's zone.js patches MutationObserver (every callback would run change detection); use the original. */
function unpatchedMutationObserver(win: Window & MutationObserverWindow): typeof MutationObserver {
  const symbol = win.Zone?.__symbol__?.('MutationObserver');
  const original = symbol === undefined ? undefined : (win as unknown as Record<string, unknown>)[symbol];
  return typeof original === 'function' ? (original as typeof MutationObserver) : win.MutationObserver;
}
