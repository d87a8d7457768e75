import type { Span } from '../../api/api-types';

/**
 * Where a span sits in its session's replay: span start − session start, in whole ms
 * (the `t` of `/sessions/:id?t=`), never negative.
 */
export function replayOffsetOf(span: Pick<Span, 'startTimeMs'>, sessionStartMs: number): number {
  return Math.max(0, Math.round(span.startTimeMs - sessionStartMs));
}
