import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RecordedEvent } from '../../src/replay/recorded-event';
import { BLOCKED_URL, sanitizeReplayEvent } from '../../src/replay/sanitize-replay-event';
import { documentNode, fullSnapshot, T0 } from '../fixtures/replay-events';

const viewer = { origin: 'http://127.0.0.1:4318' };

function attributesOf(event: RecordedEvent, path: number[]): Record<string, unknown> {
  let node = (event.data as { node: { childNodes: unknown[] } }).node as {
    childNodes: unknown[];
    attributes?: unknown;
  };
  for (const index of path) node = node.childNodes[index] as typeof node;
  return node.attributes as Record<string, unknown>;
}

describe('sanitizing replay events', () => {
  test('URLs on other hosts are left alone', () => {
    const event = fullSnapshot(T0, documentNode('https://cdn.example/logo.png'));
    assert.equal(sanitizeReplayEvent(event, viewer), 0);
    assert.equal(attributesOf(event, [0, 0, 1]).src, 'https://cdn.example/logo.png');
  });

  test("URLs on the viewer's host — any port, absolute or relative — are blocked", () => {
    for (const src of [
      'http://127.0.0.1:4318/api/sessions',
      'http://127.0.0.1:3000/logo.png',
      '/api/query',
      '//127.0.0.1/x',
    ]) {
      const event = fullSnapshot(T0, documentNode(src));
      assert.equal(sanitizeReplayEvent(event, viewer), 1, src);
      assert.equal(attributesOf(event, [0, 0, 1]).src, BLOCKED_URL, src);
    }
  });

  test('javascript: URLs, srcdoc and meta refresh are neutralised; data: images stay', () => {
    const event = fullSnapshot(T0, {
      type: 0,
      id: 1,
      childNodes: [
        { type: 2, id: 2, tagName: 'a', attributes: { href: 'JavaScript:alert(1)' }, childNodes: [] },
        { type: 2, id: 3, tagName: 'iframe', attributes: { srcdoc: '<img src=/api/x>' }, childNodes: [] },
        {
          type: 2,
          id: 4,
          tagName: 'meta',
          attributes: { 'http-equiv': 'Refresh', content: '0;url=/api/x' },
          childNodes: [],
        },
        { type: 2, id: 5, tagName: 'img', attributes: { src: 'data:image/png;base64,AAAA' }, childNodes: [] },
      ],
    });
    assert.equal(sanitizeReplayEvent(event, viewer), 3);
    const children = (event.data as { node: { childNodes: { attributes: Record<string, unknown> }[] } }).node
      .childNodes;
    assert.equal(children[0]?.attributes.href, BLOCKED_URL);
    assert.equal(children[1]?.attributes.srcdoc, null);
    assert.equal(children[2]?.attributes.content, '');
    assert.equal(children[3]?.attributes.src, 'data:image/png;base64,AAAA');
  });

  test('CSS in style attributes, inlined stylesheets and style text nodes', () => {
    const event = fullSnapshot(T0, {
      type: 0,
      id: 1,
      childNodes: [
        {
          type: 2,
          id: 2,
          tagName: 'div',
          attributes: {
            style: 'background: url("http://127.0.0.1:4318/api/sessions") no-repeat, url(https://cdn.example/a.png)',
          },
          childNodes: [],
        },
        {
          type: 2,
          id: 3,
          tagName: 'link',
          attributes: { _cssText: '@import "/api/x"; .a { background: url(/img.png) }' },
          childNodes: [],
        },
        {
          type: 2,
          id: 4,
          tagName: 'style',
          attributes: {},
          childNodes: [{ type: 3, id: 5, isStyle: true, textContent: ".b{background:url('//127.0.0.1:9/x')}" }],
        },
      ],
    });
    assert.equal(sanitizeReplayEvent(event, viewer), 4);
    const text = JSON.stringify(event);
    assert.ok(!text.includes('127.0.0.1'), text);
    assert.ok(text.includes('https://cdn.example/a.png'));
  });

  test('srcset candidates are checked one by one', () => {
    const event = fullSnapshot(T0, {
      type: 2,
      id: 1,
      tagName: 'img',
      attributes: { srcset: 'https://cdn.example/a.png 1x, /b.png 2x' },
      childNodes: [],
    });
    assert.equal(sanitizeReplayEvent(event, viewer), 1);
    assert.equal(
      (event.data as { node: { attributes: { srcset: string } } }).node.attributes.srcset,
      `https://cdn.example/a.png 1x, ${BLOCKED_URL} 2x`,
    );
  });

  test('mutations: added nodes, attribute changes, text changes, stylesheet rules', () => {
    const mutation: RecordedEvent = {
      type: 3,
      timestamp: T0,
      data: {
        source: 0,
        adds: [
          {
            parentId: 1,
            nextId: null,
            node: { type: 2, id: 9, tagName: 'img', attributes: { src: '/a.png' }, childNodes: [] },
          },
        ],
        attributes: [{ id: 7, attributes: { src: 'http://127.0.0.1:4318/b.png', class: 'x' } }],
        texts: [{ id: 5, value: '.c { background: url(/c.png) }' }],
        removes: [],
      },
    };
    assert.equal(sanitizeReplayEvent(mutation, viewer), 3);
    const rule: RecordedEvent = {
      type: 3,
      timestamp: T0,
      data: { source: 8, id: 3, adds: [{ rule: '.d{background:url(/d.png)}', index: 0 }] },
    };
    assert.equal(sanitizeReplayEvent(rule, viewer), 1);
    const declaration: RecordedEvent = {
      type: 3,
      timestamp: T0,
      data: { source: 13, id: 3, index: [0], set: { property: 'background', value: 'url(/e.png)' } },
    };
    assert.equal(sanitizeReplayEvent(declaration, viewer), 1);
    const adopted: RecordedEvent = {
      type: 3,
      timestamp: T0,
      data: {
        source: 15,
        id: 1,
        styleIds: [1],
        styles: [{ styleId: 1, rules: [{ rule: '.f{background:url(/f.png)}' }] }],
      },
    };
    assert.equal(sanitizeReplayEvent(adopted, viewer), 1);
    assert.ok(!JSON.stringify([mutation, rule, declaration, adopted]).match(/[a-f]\.png/));
  });

  test('image-set strings and font sources are URLs too', () => {
    const event: RecordedEvent = {
      type: 3,
      timestamp: T0,
      data: {
        source: 13,
        id: 3,
        index: [0],
        set: { property: 'background-image', value: 'image-set("/a.png" 1x, "https://cdn.example/b.png" 2x)' },
      },
    };
    assert.equal(sanitizeReplayEvent(event, viewer), 1);
    assert.match(JSON.stringify(event), /image-set\(\\"data:,\\" 1x, \\"https:\/\/cdn.example\/b.png\\" 2x\)/);
    const font: RecordedEvent = {
      type: 3,
      timestamp: T0,
      data: { source: 10, family: 'Brand', fontSource: 'url("/fonts/brand.woff2")', buffer: false },
    };
    assert.equal(sanitizeReplayEvent(font, viewer), 1);
    const inline: RecordedEvent = {
      type: 3,
      timestamp: T0,
      data: { source: 10, family: 'Brand', fontSource: '[1,2,3]', buffer: true },
    };
    assert.equal(sanitizeReplayEvent(inline, viewer), 0);
  });

  test('other events and malformed data pass untouched', () => {
    assert.equal(sanitizeReplayEvent({ type: 4, timestamp: T0, data: { href: 'http://127.0.0.1:4318/' } }, viewer), 0);
    assert.equal(sanitizeReplayEvent({ type: 2, timestamp: T0, data: null }, viewer), 0);
    assert.equal(sanitizeReplayEvent({ type: 3, timestamp: T0, data: { source: 0, adds: 'nope' } }, viewer), 0);
  });

  test('a very deep DOM does not overflow the stack', () => {
    let node: Record<string, unknown> = {
      type: 2,
      id: 0,
      tagName: 'img',
      attributes: { src: '/deep.png' },
      childNodes: [],
    };
    for (let depth = 1; depth < 20_000; depth += 1) {
      node = { type: 2, id: depth, tagName: 'div', attributes: {}, childNodes: [node] };
    }
    assert.equal(sanitizeReplayEvent(fullSnapshot(T0, node), viewer), 1);
  });
});
