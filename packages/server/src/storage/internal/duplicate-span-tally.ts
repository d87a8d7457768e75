import type { SessionActivity, SpanRecord } from '../store.js';

/**
 * Spans are stored once per (org, trace, span), so a retried export inserts nothing new.
 * The session counts the ingest layer computed from the batch must then not count those
 * spans again: engines tally the spans their insert skipped and subtract them here.
 */
export class DuplicateSpanTally {
  private readonly bySession = new Map<string, { spans: number; errors: number }>();

  add(span: Pick<SpanRecord, 'sessionId' | 'statusCode'>): void {
    if (!span.sessionId) return;
    const tally = this.bySession.get(span.sessionId) ?? { spans: 0, errors: 0 };
    tally.spans += 1;
    if (span.statusCode === 2) tally.errors += 1;
    this.bySession.set(span.sessionId, tally);
  }

  subtractFrom(activity: SessionActivity): SessionActivity {
    const tally = this.bySession.get(activity.sessionId);
    if (!tally) return activity;
    return {
      ...activity,
      spanCount: activity.spanCount - tally.spans,
      errorCount: activity.errorCount - tally.errors,
    };
  }
}
