/**
 * The entry of `dist/sightline.js`: one tag records the page.
 *
 *   <script src="https://sightline.example.com/sightline.js" data-key="INGEST_KEY"></script>
 *
 * Reads the tag's data attributes, starts the recorder and exposes it as
 * `window.Sightline` (identify, track, getSessionId, captureNow, stop).
 */
import { init } from './init.js';
import type { SightlineRecorder } from './recorder/recorder-api.js';
import { readScriptTagOptions, type ScriptTagElement } from './script-tag-options.js';

declare global {
  interface Window {
    Sightline?: SightlineRecorder;
  }
}

function findOwnScript(): ScriptTagElement | null {
  // currentScript is null only for module scripts and code run later (not a plain tag)
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[data-key][src],script[data-org-id][src]');
}

// a tag included twice must not record twice
if (window.Sightline === undefined) {
  const script = findOwnScript();
  if (script !== null) window.Sightline = init(readScriptTagOptions(script));
}
