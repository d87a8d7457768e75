import type { SessionActivity } from '../../storage/store.js';

/** Sums what one request tells about each session it mentions, for the sessions index. */
export class SessionActivityTally {
  private readonly bySession = new Map<string, SessionActivity>();

  addSpan(sessionId: string, userId: string | null, startUs: number, endUs: number, isError: boolean): void {
    const activity = this.touch(sessionId, userId, startUs, endUs);
    activity.spanCount += 1;
    if (isError) activity.errorCount += 1;
  }

  addLog(sessionId: string, userId: string | null, timeUs: number, isError: boolean): void {
    const activity = this.touch(sessionId, userId, timeUs, timeUs);
    activity.logCount += 1;
    if (isError) activity.errorCount += 1;
  }

  activities(): SessionActivity[] {
    return [...this.bySession.values()];
  }

  private touch(sessionId: string, userId: string | null, firstUs: number, lastUs: number): SessionActivity {
    let activity = this.bySession.get(sessionId);
    if (!activity) {
      activity = { sessionId, userId, firstUs, lastUs, spanCount: 0, logCount: 0, errorCount: 0 };
      this.bySession.set(sessionId, activity);
      return activity;
    }
    if (firstUs < activity.firstUs) activity.firstUs = firstUs;
    if (lastUs > activity.lastUs) activity.lastUs = lastUs;
    if (userId) activity.userId = userId;
    return activity;
  }
}
