/** What a mark on the timeline stands for. */
export type MarkerKind =
  | 'click'
  | 'navigation'
  | 'error'
  | 'failed-request'
  | 'slow-frame'
  | 'rage-click'
  | 'dead-click'
  | 'double-submit'
  | 'error-click';

/** A mark on the timeline; clicking it seeks there. */
export interface TimelineMarker {
  kind: MarkerKind;
  /** Milliseconds from the session start. */
  timeMs: number;
  label: string;
}

/** Lanes of the timeline, top to bottom; each kind is drawn in one. */
export type MarkerLane = 'frustration' | 'interaction' | 'navigation' | 'problem' | 'performance';

export const MARKER_LANES: readonly MarkerLane[] = [
  'frustration',
  'problem',
  'interaction',
  'navigation',
  'performance',
];

export const MARKER_LANE_OF: Record<MarkerKind, MarkerLane> = {
  'rage-click': 'frustration',
  'dead-click': 'frustration',
  'double-submit': 'frustration',
  'error-click': 'frustration',
  click: 'interaction',
  navigation: 'navigation',
  error: 'problem',
  'failed-request': 'problem',
  'slow-frame': 'performance',
};

/** When markers share a spot, the most severe kind colours it. Higher wins. */
export const MARKER_SEVERITY: Record<MarkerKind, number> = {
  click: 0,
  navigation: 1,
  'slow-frame': 2,
  'double-submit': 3,
  'dead-click': 4,
  'failed-request': 5,
  'rage-click': 6,
  'error-click': 7,
  error: 8,
};

export const MARKER_TITLES: Record<MarkerKind, string> = {
  click: 'Click',
  navigation: 'Navigation',
  error: 'Error',
  'failed-request': 'Failed request',
  'slow-frame': 'Slow frame',
  'rage-click': 'Rage click',
  'dead-click': 'Dead click',
  'double-submit': 'Double submit',
  'error-click': 'Click that caused an error',
};
