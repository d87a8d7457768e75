import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBodyText } from '../../../src/capture/network/read-body-text.js';

describe('readBodyText', () => {
  it('reads a clone and leaves the original for the app', async () => {
    const response = new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    assert.equal(await readBodyText(response.clone(), 100), '{"ok":true}');
    assert.equal(await response.text(), '{"ok":true}');
  });

  it('stops reading past the cap and the app still gets the whole body', async () => {
    const chunks = Array.from({ length: 50 }, (_, index) => `chunk-${index};`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const response = new Response(stream, { headers: { 'content-type': 'text/plain' } });
    const text = await readBodyText(response.clone(), 20);
    assert.ok(text && text.length > 20 && text.length < 100, text);
    assert.equal(await response.text(), chunks.join(''));
  });

  it('gives up on a body that never ends', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\n'));
      },
    });
    const response = new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
    assert.equal(await readBodyText(response, 1000, 50), 'data: 1\n\n…');
  });

  it('describes binary content instead of reading it', async () => {
    const response = new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } });
    assert.equal(await readBodyText(response, 100), '[binary image/png]');
  });
});
