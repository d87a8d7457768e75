// An esbuild plugin for the tag build. Sightline always records with `recordCanvas: false`
// and `recordCrossOriginIframes: false`, yet @rrweb/record constructs its CanvasManager
// and IframeManager unconditionally, so tree-shaking keeps canvas recording (WebGL/2D
// patches, a base64 encoder, an inlined worker) and cross-origin event rewriting. Each
// cut below replaces one self-contained block of record.js with a stub of what rrweb
// still calls (~5 KB gzipped together). A cut whose markers are not found exactly (another
// rrweb version) is skipped with a warning, and the file is bundled as published.
import { readFile } from 'node:fs/promises';

const CUTS = [
  {
    name: 'canvas recording',
    // the first occurrence: the same line appears again inside the worker's source string
    start: { text: 'var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";', first: true },
    inside: 'class CanvasManager {',
    end: 'class StylesheetManager {',
    replacement: 'class CanvasManager {\n  reset() {}\n  freeze() {}\n  unfreeze() {}\n  lock() {}\n  unlock() {}\n}\n',
  },
  {
    name: 'cross-origin iframe mirror',
    start: { text: 'class CrossOriginIframeMirror {' },
    inside: '  getRemoteIdToIdMap(iframe) {',
    end: 'class IframeManager {',
    // still constructed, only ever read by the rewriting below and by rrweb plugins (none here)
    replacement: 'class CrossOriginIframeMirror {\n}\n',
  },
  {
    name: 'cross-origin iframe events',
    start: { text: '  handleMessage(message) {' },
    inside: '  transformCrossOriginEvent(iframeEl, e) {',
    end: 'class ShadowDomManager {',
    // only ever bound as a "message" listener when recordCrossOriginIframes is on
    replacement: '  handleMessage() {}\n}\n',
  },
];

export function applyCuts(source, warn) {
  let result = source;
  for (const cut of CUTS) {
    const start = result.indexOf(cut.start.text);
    const inside = result.indexOf(cut.inside);
    const end = result.indexOf(cut.end);
    const unique = [cut.inside, cut.end, ...(cut.start.first ? [] : [cut.start.text])].every(
      (marker) => result.indexOf(marker) === result.lastIndexOf(marker),
    );
    if (!(start >= 0 && start < inside && inside < end && unique)) {
      warn(`rrweb ${cut.name}: markers not found, bundled unchanged`);
      continue;
    }
    result = result.slice(0, start) + cut.replacement + result.slice(end);
  }
  return result;
}

export function rrwebWithoutUnusedCode() {
  return {
    name: 'rrweb-without-unused-code',
    setup(build) {
      build.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => {
        const warnings = [];
        const contents = applyCuts(await readFile(args.path, 'utf8'), (text) => warnings.push({ text }));
        return { contents, loader: 'js', warnings };
      });
    },
  };
}
