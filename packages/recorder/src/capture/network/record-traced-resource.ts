import type { UrlMatcher } from '../../propagation/url-pattern.js';
import type { CaptureContext } from '../capture.js';
import { toEpochMs } from '../internal/clock.js';
import { buildEntryPayload } from './entry-payload.js';
import { isFailedRequest } from './network-payload.js';
import { findServerTimingTraceparent } from './server-timing.js';

/**
 * Records a resource the browser loaded itself (an image, a script, or a fetch from
 * before the patch) when its response named its backend trace in `Server-Timing`.
 * Resources without one are left to the DOM replay: they would only add noise.
 */
export function recordTracedResource(
  context: CaptureContext,
  entry: PerformanceResourceTiming,
  ignore: UrlMatcher,
  scrubQueryValues: boolean,
): void {
  if (!findServerTimingTraceparent(entry.serverTiming)) return;
  let url: URL;
  try {
    url = new URL(entry.name);
  } catch {
    return;
  }
  if (ignore(url)) return;
  const payload = buildEntryPayload(entry, 'resource', scrubQueryValues, (time) => toEpochMs(time));
  if (!payload) return;
  context.emit('network', payload);
  if (isFailedRequest(payload)) context.trigger('failed-request');
}
