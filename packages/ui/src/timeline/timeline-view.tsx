import { memo } from 'preact/compat';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatClock } from '../format/format-duration';
import type { TimeRange } from '../player/inactive-periods';
import type { PlayerController } from '../player/player-controller';
import { usePlayerState } from '../player/use-player-state';
import { clusterMarkers, type MarkerCluster } from './cluster-markers';
import { timeAtPointer } from './pointer-time';
import { MARKER_LANES, MARKER_TITLES, type TimelineMarker } from './timeline-marker';
import './timeline.css';

export interface TimelineViewProps {
  controller: PlayerController;
  markers: readonly TimelineMarker[];
  onSeek: (timeMs: number) => void;
  /** A marker was clicked: seek to it (and show what explains it). */
  onMarker: (marker: Pick<MarkerCluster, 'kind' | 'timeMs'>) => void;
}

/** While dragging, seek at most this often: each seek redraws the replay from a snapshot. */
const DRAG_SEEK_INTERVAL_MS = 120;

/**
 * The scrubber and the marker lanes under the player. The marker layer re-renders only
 * when markers or the width change; the playhead re-renders with the clock.
 */
export function TimelineView(props: TimelineViewProps) {
  const { controller, onSeek } = props;
  const track = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ x: number; timeMs: number } | undefined>(undefined);
  const [dragMs, setDragMs] = useState<number | undefined>(undefined);
  const lastDragSeek = useRef(0);
  const durationMs = usePlayerState(controller, (state) => state.durationMs);
  const periods = usePlayerState(controller, (state) => state.inactivePeriods);
  const loadedUntilMs = usePlayerState(controller, (state) =>
    state.complete ? state.durationMs : state.loadedUntilMs,
  );

  useLayoutEffect(() => {
    const element = track.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const clusters = useMemo(() => clusterMarkers(props.markers, durationMs, width), [props.markers, durationMs, width]);

  function timeAt(clientX: number): number {
    const rect = track.current?.getBoundingClientRect();
    return rect ? timeAtPointer(clientX, rect.left, rect.width, durationMs) : 0;
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || durationMs <= 0) return;
    event.currentTarget instanceof Element && event.currentTarget.setPointerCapture(event.pointerId);
    const timeMs = timeAt(event.clientX);
    setDragMs(timeMs);
    lastDragSeek.current = performance.now();
    onSeek(timeMs);
  }

  function onPointerMove(event: PointerEvent): void {
    const timeMs = timeAt(event.clientX);
    const rect = track.current?.getBoundingClientRect();
    setHover({ x: rect ? event.clientX - rect.left : 0, timeMs });
    if (dragMs === undefined) return;
    setDragMs(timeMs);
    if (performance.now() - lastDragSeek.current > DRAG_SEEK_INTERVAL_MS) {
      lastDragSeek.current = performance.now();
      onSeek(timeMs);
    }
  }

  function onPointerUp(event: PointerEvent): void {
    if (dragMs === undefined) return;
    setDragMs(undefined);
    onSeek(timeAt(event.clientX));
  }

  return (
    <div class="timeline">
      <div
        class="timeline-track"
        data-testid="timeline-track"
        ref={track}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(undefined)}
      >
        <InactiveShading periods={periods} durationMs={durationMs} />
        <MarkerLanes clusters={clusters} onMarker={props.onMarker} />
        <div class="timeline-bar">
          <div class="timeline-loaded" style={{ width: `${percent(loadedUntilMs, durationMs)}%` }} />
          <Progress controller={controller} durationMs={durationMs} dragMs={dragMs} />
        </div>
        {hover && (
          <div class="timeline-hover" style={{ left: `${hover.x}px` }}>
            {formatClock(hover.timeMs)}
          </div>
        )}
      </div>
    </div>
  );
}

function Progress(props: { controller: PlayerController; durationMs: number; dragMs: number | undefined }) {
  // quantised to ~1/1000 of the track: smooth enough, and no re-render for sub-pixel moves
  const timeMs = usePlayerState(props.controller, (state) =>
    state.durationMs > 0 ? Math.round((state.timeMs / state.durationMs) * 2000) / 2000 : 0,
  );
  const position = props.dragMs !== undefined ? percent(props.dragMs, props.durationMs) : timeMs * 100;
  return (
    <>
      <div class="timeline-progress" style={{ width: `${position}%` }} />
      <div
        class="timeline-playhead"
        style={{ left: `${position}%` }}
        role="slider"
        tabIndex={-1}
        aria-label="Replay position (←/→ to seek)"
        aria-valuemin={0}
        aria-valuemax={Math.round(props.durationMs / 1000)}
        aria-valuenow={Math.round((position / 100) * (props.durationMs / 1000))}
        aria-valuetext={formatClock((position / 100) * props.durationMs)}
      />
    </>
  );
}

const InactiveShading = memo(function InactiveShading(props: { periods: readonly TimeRange[]; durationMs: number }) {
  if (props.durationMs <= 0) return null;
  return (
    <>
      {props.periods.map((period) => (
        <div
          key={period.startMs}
          class="timeline-idle"
          title="No user input: skipped when 'Skip inactivity' is on"
          style={{
            left: `${percent(period.startMs, props.durationMs)}%`,
            width: `${percent(period.endMs - period.startMs, props.durationMs)}%`,
          }}
        />
      ))}
    </>
  );
});

const MarkerLanes = memo(function MarkerLanes(props: {
  clusters: readonly MarkerCluster[];
  onMarker: TimelineViewProps['onMarker'];
}) {
  return (
    <div class="timeline-lanes">
      {MARKER_LANES.map((lane) => (
        <div key={lane} class={`timeline-lane lane-${lane}`}>
          {props.clusters
            .filter((cluster) => cluster.lane === lane)
            .map((cluster) => (
              <button
                key={`${cluster.kind}-${cluster.timeMs}`}
                type="button"
                class={`marker marker-${cluster.kind}`}
                data-testid={`marker-${cluster.kind}`}
                style={{ left: `${cluster.position * 100}%` }}
                title={describeCluster(cluster)}
                aria-label={describeCluster(cluster)}
                onPointerDown={(event) => event.stopPropagation()}
                onClick={(event) => {
                  event.stopPropagation();
                  props.onMarker(cluster);
                }}
              />
            ))}
        </div>
      ))}
    </div>
  );
});

function describeCluster(cluster: MarkerCluster): string {
  const head = `${formatClock(cluster.timeMs)} · ${MARKER_TITLES[cluster.kind]}${cluster.count > 1 ? ` (+${cluster.count - 1} more)` : ''}`;
  return [head, ...cluster.labels].join('\n');
}

function percent(value: number, total: number): number {
  return total > 0 ? Math.min(100, Math.max(0, (value / total) * 100)) : 0;
}
