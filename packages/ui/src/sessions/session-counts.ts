import type { InsightType, SessionSummary } from '../api/api-types';

/** The summary's counter for each insight type (docs/api.md). */
const INSIGHT_COUNT_FIELDS = {
  'rage-click': 'rageClickCount',
  'dead-click': 'deadClickCount',
  'double-submit': 'doubleSubmitCount',
  'error-click': 'errorClickCount',
  'slow-frame': 'slowFrameCount',
} as const satisfies Record<InsightType, keyof SessionSummary>;

/**
 * How many findings of a type the session has: the server's counter, else counted from
 * its `insights` list, else undefined (a server without insights).
 */
export function readInsightCount(session: SessionSummary, type: InsightType): number | undefined {
  const counter = session[INSIGHT_COUNT_FIELDS[type]];
  if (typeof counter === 'number') return counter;
  if (session.insights === undefined) return undefined;
  return session.insights.filter((insight) => insight.type === type).length;
}

/** Rage and dead clicks, or undefined when the server does not report insights. */
export function readFrustrationCounts(session: SessionSummary): { rage: number; dead: number } | undefined {
  const rage = readInsightCount(session, 'rage-click');
  const dead = readInsightCount(session, 'dead-click');
  if (rage === undefined && dead === undefined) return undefined;
  return { rage: rage ?? 0, dead: dead ?? 0 };
}

/** Errors worth looking at: backend errors plus uncaught JavaScript errors (docs/api.md). */
export function countErrors(session: SessionSummary): number {
  return session.errorCount + (session.jsErrorCount ?? 0);
}
