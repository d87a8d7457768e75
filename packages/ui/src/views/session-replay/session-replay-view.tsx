import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useServices } from '../../app/app-services';
import { useExternalState } from '../../app/use-external-state';
import { useLocation } from '../../app/use-location';
import { describeError, StatusMessage } from '../../components/status-message';
import { focusForMarker, type PanelFocus } from '../../panels/panel-focus';
import { readPlayerShortcut } from '../../player/keyboard-shortcuts';
import { PlayerControls } from '../../player/player-controls';
import { PlayerStage } from '../../player/player-stage';
import { readReplayTime, sessionHref, sessionsHref } from '../../routing/hrefs';
import { TimelineView, type TimelineViewProps } from '../../timeline/timeline-view';
import { ReplayHeader } from './replay-header';
import { createReplaySession, type ReplaySessionData } from './replay-session';
import { SidePanels } from './side-panels';
import './session-replay.css';

/** `/sessions/:id?t=<ms>`: the player, its timeline, and the panels that follow it. */
export function SessionReplayView(props: { sessionId: string }) {
  const services = useServices();
  const location = useLocation();
  const initialTime = useRef(readReplayTime(location.search));
  const lastWrittenTime = useRef<number | undefined>(initialTime.current);

  const session = useMemo(
    () =>
      createReplaySession({
        client: services.client,
        sessionId: props.sessionId,
        viewerOrigin: services.viewerOrigin,
        initialTimeMs: initialTime.current,
        frames: {
          request: (callback) => requestAnimationFrame(() => callback()),
          cancel: (handle) => cancelAnimationFrame(handle),
        },
        now: () => performance.now(),
      }),
    [props.sessionId, services],
  );
  useEffect(() => () => session.destroy(), [session]);

  const data = useExternalState(session.subscribe, session.getData);
  const { controller } = session;

  /** Seeks and writes `t` into the URL (replacing, so Back leaves the replay instead of stepping through seeks). */
  const seek = useCallback(
    (timeMs: number) => {
      controller.dispatch({ type: 'SEEK', timeMs });
      const t = Math.round(controller.getState().timeMs);
      lastWrittenTime.current = t;
      services.location.navigate(sessionHref(props.sessionId, t), { replace: true });
    },
    [controller, props.sessionId, services],
  );

  // a marker seeks to its time and opens the panel that explains it (an error's Console row)
  const [focus, setFocus] = useState<PanelFocus | undefined>(undefined);
  const onMarker = useCallback<TimelineViewProps['onMarker']>(
    (marker) => {
      seek(marker.timeMs);
      const next = focusForMarker(marker.kind, marker.timeMs);
      if (next) setFocus(next);
    },
    [seek],
  );

  // a `t` changed from outside (a pasted link, an in-app link to another moment) seeks there
  useEffect(() => {
    const t = readReplayTime(location.search);
    if (t !== undefined && t !== lastWrittenTime.current) {
      lastWrittenTime.current = t;
      controller.dispatch({ type: 'SEEK', timeMs: t });
    }
  }, [location.search, controller]);

  // pausing also writes `t`, so the link in the address bar is the moment on screen
  useEffect(
    () =>
      controller.subscribe((state) => {
        if (state.status !== 'paused' && state.status !== 'ended') return;
        const t = Math.round(state.timeMs);
        if (t === lastWrittenTime.current) return;
        lastWrittenTime.current = t;
        services.location.navigate(sessionHref(props.sessionId, t), { replace: true });
      }),
    [controller, props.sessionId, services],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : undefined;
      const command = readPlayerShortcut(
        {
          key: event.key,
          shiftKey: event.shiftKey,
          altKey: event.altKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          targetTag: target?.tagName,
          targetEditable: target?.isContentEditable,
        },
        controller.getState(),
      );
      if (!command) return;
      event.preventDefault();
      if (command.type === 'SEEK') seek(command.timeMs);
      else controller.dispatch(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller, seek]);

  const onRoot = useCallback((root: HTMLElement | null) => session.setRoot(root), [session]);
  const togglePlay = useCallback(() => {
    controller.dispatch({ type: controller.getState().status === 'playing' ? 'PAUSE' : 'PLAY' });
  }, [controller]);
  const markers = useMemo(
    () => [...data.digest.markers, ...data.insightMarkers],
    [data.digest.markers, data.insightMarkers],
  );

  if (data.summaryError !== undefined) {
    return (
      <StatusMessage title="This session could not be opened" tone="error">
        <p>{describeError(data.summaryError)}</p>
        <p>
          <a href={sessionsHref()}>Back to sessions</a>
        </p>
      </StatusMessage>
    );
  }

  return (
    <div class="replay-page">
      <ReplayHeader sessionId={props.sessionId} summary={data.summary} />
      <div class="replay-body">
        <div class="player-column">
          <PlayerStage
            onRoot={onRoot}
            recordedSize={data.recordedSize}
            overlay={describeStage(data)}
            onToggle={togglePlay}
          />
          <PlayerControls controller={controller} />
          <TimelineView controller={controller} markers={markers} onSeek={seek} onMarker={onMarker} />
          <ReplayNotes data={data} />
        </div>
        <SidePanels data={data} controller={controller} onSeek={seek} focus={focus} />
      </div>
    </div>
  );
}

function describeStage(data: ReplaySessionData): string | undefined {
  switch (data.eventsStatus) {
    case 'loading':
      return 'Loading the replay…';
    case 'empty':
      return 'No replay was recorded for this session: its backend traces and logs are beside.';
    case 'error':
      return `The replay could not be loaded: ${describeError(data.eventsError)}`;
    default:
      return data.recordedSize ? undefined : 'Preparing the replay…';
  }
}

/**
 * A cookie belongs to a host on every port, so an app recorded on this machine (another
 * port of the same host) cannot load its images here. Under the other loopback name the
 * viewer is another host and they can: the usual local setup, app and Sightline side by side.
 */
function otherLoopbackName(hostname: string): string | undefined {
  if (hostname === '127.0.0.1') return 'localhost';
  if (hostname === 'localhost') return '127.0.0.1';
  return undefined;
}

function ReplayNotes(props: { data: ReplaySessionData }) {
  const { data } = props;
  const notes: string[] = [];
  if (data.eventsStatus === 'streaming')
    notes.push(`Loading events… ${data.digest.eventCount.toLocaleString()} so far`);
  if (data.blockedUrls > 0) {
    const elsewhere = otherLoopbackName(location.hostname);
    notes.push(
      `${data.blockedUrls} recorded URL(s) on this server's host were not loaded (they would carry your sign-in cookie)` +
        (elsewhere
          ? `; open Sightline at ${location.protocol}//${elsewhere}${location.port ? `:${location.port}` : ''} to load them`
          : ''),
    );
  }
  if (data.droppedEvents > 0) notes.push(`${data.droppedEvents} malformed event(s) skipped`);
  return (
    <div class="replay-notes muted small" aria-live="polite">
      {notes.join(' · ')}
    </div>
  );
}
