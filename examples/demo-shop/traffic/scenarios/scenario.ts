import type { DemoUser } from '../../src/users.js';
import type { Shopper } from '../shopper.js';

export const SCENARIO_NAMES = ['invisible-error', 'race-condition', 'slow-page'] as const;

/** The article's three debugging scenarios. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What a scripted visit reports: the moment worth jumping to in the replay (browser clock, Unix ms). */
export interface VisitOutcome {
  momentMs?: number;
}

/** One user's scripted visit, from the shop's home page to the moment they leave. */
export interface Visit {
  /** A scenario of the article, or normal browsing. */
  kind: ScenarioName | 'browsing';
  title: string;
  user: DemoUser;
  run(shopper: Shopper): Promise<VisitOutcome>;
}
