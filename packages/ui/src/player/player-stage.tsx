import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fitViewport, type Size } from './fit-viewport';
import './player.css';

export interface PlayerStageProps {
  /** Receives the element rrweb renders into (and null on unmount). */
  onRoot: (root: HTMLElement | null) => void;
  recordedSize: Size | undefined;
  /** Shown over the stage (loading, no replay, an error). */
  overlay?: ComponentChildren;
  onToggle: () => void;
}

/**
 * The fixed-size box the replay plays in: the recorded viewport is scaled to fit and
 * centred, so neither a page of another size nor a resize during playback moves anything
 * around it.
 */
export function PlayerStage(props: PlayerStageProps) {
  const stage = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Size>({ width: 0, height: 0 });
  const { onRoot } = props;

  useLayoutEffect(() => {
    const element = stage.current;
    if (!element) return;
    const measure = () => setBox({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    onRoot(root.current);
    return () => onRoot(null);
  }, [onRoot]);

  const recorded = props.recordedSize ?? box;
  const fit = fitViewport(box, recorded);
  return (
    <div class="player-stage" ref={stage}>
      <div
        class="player-viewport"
        data-testid="replay-viewport"
        ref={root}
        style={{
          width: `${recorded.width}px`,
          height: `${recorded.height}px`,
          transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`,
          visibility: props.recordedSize ? 'visible' : 'hidden',
        }}
      />
      {props.overlay !== undefined && <div class="player-overlay">{props.overlay}</div>}
      <button type="button" class="player-hit" aria-label="Play or pause (Space)" onClick={props.onToggle} />
    </div>
  );
}
