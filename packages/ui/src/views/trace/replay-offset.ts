import type { Span } from '../../api/api-types';

/**
 * Where a span sits in its session's replay: span start − session start, in whole ms
 * (the `t` of `/sessions/:id?t=`), never negative. Rounded up: span times carry
 * microseconds, and a `t` rounded down would open the replay just before the span, with
 * the span not yet lit as running.
 */
export function replayOffsetOf(span: Pick<Span, 'startTimeMs'>, sessionStartMs: number): number {
  return Math.max(0, Math.ceil(span.startTimeMs - sessionStartMs));
}
