import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countMutatedNodes } from '../../src/record/mutation-guard.js';

/** Just enough of a DOM node to walk a tree. */
interface FakeNode {
  nodeType: number;
  firstChild: FakeNode | null;
  nextSibling: FakeNode | null;
  parentNode: FakeNode | null;
}

function element(children: FakeNode[] = []): FakeNode {
  const node: FakeNode = { nodeType: 1, firstChild: children[0] ?? null, nextSibling: null, parentNode: null };
  children.forEach((child, index) => {
    child.parentNode = node;
    child.nextSibling = children[index + 1] ?? null;
  });
  return node;
}

function childList(target: FakeNode, added: FakeNode[], removed: FakeNode[] = []): MutationRecord {
  return { type: 'childList', target, addedNodes: added, removedNodes: removed } as unknown as MutationRecord;
}

describe('mutation guard counting', () => {
  it('counts added and removed nodes with their subtrees', () => {
    const list = element();
    const row = element([element(), element()]);
    assert.equal(countMutatedNodes([childList(list, [row], [element()])], 100).count, 4);
  });

  it('stops counting just past the limit, however big the batch', () => {
    const list = element();
    const rows = Array.from({ length: 50_000 }, () => element([element()]));
    const { count, container } = countMutatedNodes([childList(list, rows)], 5000);
    assert.ok(count > 5000 && count <= 5002, `counted ${count}`);
    assert.equal(container, list, 'the list received the rows');
  });

  it('names one inserted subtree as the container', () => {
    const body = element();
    const table = element(Array.from({ length: 20 }, () => element(Array.from({ length: 500 }, () => element()))));
    const { count, container } = countMutatedNodes([childList(body, [table])], 5000);
    assert.ok(count > 5000);
    assert.equal(container, table);
  });

  it('counts attribute and text records once each', () => {
    const target = element();
    const records = Array.from({ length: 10 }, () => ({ type: 'attributes', target }) as unknown as MutationRecord);
    assert.equal(countMutatedNodes(records, 100).count, 10);
  });
});
