import { SightlineError, toSightlineError } from './errors.js';
import { type RecorderOptions, resolveRecorderOptions } from './options.js';
import { createRecorder } from './recorder/create-recorder.js';
import { createNoopRecorder } from './recorder/noop-recorder.js';
import type { SightlineRecorder } from './recorder/recorder-api.js';

/**
 * Starts recording this tab's session. Throws only for misconfiguration (a
 * SightlineError with code `invalid_option`); anything else goes to `onInternalError`.
 *
 * @example
 * const sightline = init({ key: 'INGEST_KEY', endpoint: 'https://sightline.example.com' });
 * sightline.identify('user-42', { plan: 'enterprise' });
 */
export function init(options: RecorderOptions): SightlineRecorder {
  const resolved = resolveRecorderOptions(options);
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new SightlineError('invalid_option', 'init(): expected a browser page (window and document are missing)');
  }
  try {
    return createRecorder(resolved);
  } catch (error) {
    try {
      resolved.onInternalError(toSightlineError(error, 'record_failed'));
    } catch {
      // the app's handler failed too
    }
    return createNoopRecorder();
  }
}
