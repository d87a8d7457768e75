import { EventType, IncrementalSource, type RecordedEvent, readData, readIncrementalSource } from './recorded-event';

/** rrweb-snapshot node types. */
const NodeType = { Element: 2, Text: 3 } as const;
const TEXT_LIMIT = 48;
/** Elements a user means to click; a click on a child of one is described by it. */
const INTERACTIVE_TAGS = new Set(['a', 'button', 'input', 'select', 'textarea', 'label', 'summary', 'option']);

interface IndexedNode {
  tagName?: string;
  parentId?: number;
  attributes?: Record<string, unknown>;
  text: string;
}

/** Names the DOM nodes of a replay, so a click reads `button "Pay now"` instead of `node 412`. */
export interface NodeLabelIndex {
  /** Indexes the nodes of a full snapshot or a mutation; other events are ignored. */
  add(event: RecordedEvent): void;
  /** A short human label for the node, or undefined when the node was never seen. */
  describe(id: number): string | undefined;
}

export function createNodeLabelIndex(): NodeLabelIndex {
  const nodes = new Map<number, IndexedNode>();

  function indexTree(root: unknown, parentId: number | undefined): void {
    const stack: { node: unknown; parentId: number | undefined }[] = [{ node: root, parentId }];
    while (stack.length > 0) {
      const item = stack.pop();
      if (!item || !isObject(item.node)) continue;
      const { node } = item;
      indexOne(node, item.parentId);
      if (Array.isArray(node.childNodes) && typeof node.id === 'number') {
        // pushed last-first so siblings are visited, and their text joined, in document order
        for (let index = node.childNodes.length - 1; index >= 0; index -= 1) {
          stack.push({ node: node.childNodes[index], parentId: node.id });
        }
      }
    }
  }

  function indexOne(node: Record<string, unknown>, parentId: number | undefined): void {
    if (typeof node.id !== 'number') return;
    if (node.type === NodeType.Element && typeof node.tagName === 'string') {
      const entry: IndexedNode = { tagName: node.tagName.toLowerCase(), text: '' };
      if (parentId !== undefined) entry.parentId = parentId;
      if (isObject(node.attributes)) entry.attributes = pickAttributes(node.attributes);
      nodes.set(node.id, entry);
    } else if (node.type === NodeType.Text && typeof node.textContent === 'string' && node.isStyle !== true) {
      // kept so a click reported on a text node is described by its element
      if (parentId !== undefined) nodes.set(node.id, { parentId, text: '' });
      appendText(parentId, node.textContent);
    }
  }

  /** Adds text to the nearest elements above, so a button's label includes its span's text. */
  function appendText(parentId: number | undefined, text: string): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean === '') return;
    let id = parentId;
    for (let depth = 0; id !== undefined && depth < 4; depth += 1) {
      const parent = nodes.get(id);
      if (!parent) return;
      if (parent.text.length < TEXT_LIMIT) parent.text = `${parent.text} ${clean}`.trim().slice(0, TEXT_LIMIT);
      id = parent.parentId;
    }
  }

  return {
    add(event) {
      if (event.type === EventType.FullSnapshot) {
        nodes.clear();
        indexTree(readData(event).node, undefined);
        return;
      }
      if (readIncrementalSource(event) !== IncrementalSource.Mutation) return;
      const adds = readData(event).adds;
      if (!Array.isArray(adds)) return;
      for (const add of adds) {
        if (isObject(add)) indexTree(add.node, typeof add.parentId === 'number' ? add.parentId : undefined);
      }
    },
    describe(id) {
      let node = nodes.get(id);
      let elementId = id;
      if (node?.tagName === undefined && node?.parentId !== undefined) {
        elementId = node.parentId;
        node = nodes.get(elementId);
      }
      if (!node || node.tagName === undefined) return undefined;
      return formatLabel(findInteractiveAncestor(nodes, elementId) ?? node);
    },
  };
}

function findInteractiveAncestor(nodes: Map<number, IndexedNode>, id: number): IndexedNode | undefined {
  let current: number | undefined = id;
  for (let depth = 0; current !== undefined && depth < 5; depth += 1) {
    const node = nodes.get(current);
    if (!node) return undefined;
    if (node.tagName !== undefined && (INTERACTIVE_TAGS.has(node.tagName) || node.attributes?.role === 'button')) {
      return node;
    }
    current = node.parentId;
  }
  return undefined;
}

function formatLabel(node: IndexedNode): string {
  const attributes = node.attributes ?? {};
  let label = node.tagName ?? 'node';
  if (typeof attributes.id === 'string' && attributes.id !== '') label += `#${attributes.id}`;
  else if (typeof attributes.name === 'string' && attributes.name !== '') label += `[name=${attributes.name}]`;
  const text =
    readLabelAttribute(attributes['aria-label']) ??
    (node.text !== '' ? node.text : undefined) ??
    readLabelAttribute(attributes.placeholder) ??
    readLabelAttribute(attributes.title);
  return text === undefined ? label : `${label} "${text}"`;
}

function readLabelAttribute(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, TEXT_LIMIT) : undefined;
}

function pickAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of ['id', 'name', 'role', 'aria-label', 'placeholder', 'title', 'type']) {
    if (attributes[key] !== undefined) picked[key] = attributes[key];
  }
  return picked;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
