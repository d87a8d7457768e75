import {
  MARKER_LANE_OF,
  MARKER_SEVERITY,
  type MarkerKind,
  type MarkerLane,
  type TimelineMarker,
} from './timeline-marker';

/** Markers that fall on the same few pixels of one lane, drawn as one mark. */
export interface MarkerCluster {
  lane: MarkerLane;
  /** The most severe kind in the cluster. */
  kind: MarkerKind;
  /**
   * Where a click seeks: the time of the marker that gave the cluster its kind (the first
   * of the most severe), so a red mark leads to the error, not to a click just before it.
   */
  timeMs: number;
  /** Position along the timeline, 0–1, where the mark is drawn: its first marker's. */
  position: number;
  count: number;
  /** Labels of the first markers, for the tooltip. */
  labels: string[];
}

const TOOLTIP_LABELS = 5;

/**
 * Groups markers closer than `minGapPx` on a timeline `widthPx` wide, per lane, so 50,000
 * events draw a few hundred marks. Markers need not be sorted.
 */
export function clusterMarkers(
  markers: readonly TimelineMarker[],
  durationMs: number,
  widthPx: number,
  minGapPx = 4,
): MarkerCluster[] {
  if (durationMs <= 0 || widthPx <= 0) return [];
  const sorted = [...markers].sort((a, b) => a.timeMs - b.timeMs);
  const clusters: MarkerCluster[] = [];
  const open = new Map<MarkerLane, { cluster: MarkerCluster; x: number }>();
  for (const marker of sorted) {
    const position = Math.min(1, Math.max(0, marker.timeMs / durationMs));
    const x = position * widthPx;
    const lane = MARKER_LANE_OF[marker.kind];
    const current = open.get(lane);
    if (current && x - current.x < minGapPx) {
      const { cluster } = current;
      cluster.count += 1;
      if (MARKER_SEVERITY[marker.kind] > MARKER_SEVERITY[cluster.kind]) {
        cluster.kind = marker.kind;
        cluster.timeMs = marker.timeMs;
      }
      if (cluster.labels.length < TOOLTIP_LABELS) cluster.labels.push(marker.label);
      continue;
    }
    const cluster: MarkerCluster = {
      lane,
      kind: marker.kind,
      timeMs: marker.timeMs,
      position,
      count: 1,
      labels: [marker.label],
    };
    clusters.push(cluster);
    open.set(lane, { cluster, x });
  }
  return clusters;
}
