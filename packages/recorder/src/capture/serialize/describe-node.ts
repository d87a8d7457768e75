/** The part of a DOM node a descriptor reads; duck-typed so nodes from any frame qualify. */
export interface NodeLike {
  nodeType: number;
  nodeName: string;
  localName?: string | null;
  getAttribute?: (name: string) => string | null;
}

export function isNodeLike(value: object): value is NodeLike {
  const node = value as Partial<NodeLike>;
  return typeof node.nodeType === 'number' && typeof node.nodeName === 'string';
}

/**
 * A short descriptor for a logged DOM node: `<button#buy.primary.large>`. Never the
 * node's text or attributes beyond id and class: the page's text may be masked in the
 * replay, and a console row must not undo that.
 */
export function describeNode(node: NodeLike): string {
  switch (node.nodeType) {
    case 1:
      return describeElement(node);
    case 3:
      return '#text';
    case 8:
      return '#comment';
    case 9:
      return '#document';
    case 11:
      return '#document-fragment';
    default:
      return node.nodeName;
  }
}

function describeElement(element: NodeLike): string {
  const tag = (element.localName ?? element.nodeName).toLowerCase();
  // getAttribute, not className: on SVG elements className is an object
  const id = element.getAttribute?.('id');
  const classes = (element.getAttribute?.('class') ?? '').split(/\s+/).filter((name) => name !== '');
  return `<${tag}${id ? `#${id}` : ''}${classes.map((name) => `.${name}`).join('')}>`;
}
