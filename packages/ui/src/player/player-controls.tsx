import { PauseIcon, PlayIcon, ReplayIcon } from '../components/icons';
import { formatClock } from '../format/format-duration';
import { PLAYBACK_SPEEDS } from './playback-speed';
import type { PlayerController } from './player-controller';
import { usePlayerState } from './use-player-state';
import './player.css';

/** Play/pause, the clock, speeds and 'skip inactivity': a thin view over the controller. */
export function PlayerControls(props: { controller: PlayerController }) {
  const { controller } = props;
  const status = usePlayerState(controller, (state) => state.status);
  const speed = usePlayerState(controller, (state) => state.speed);
  const skip = usePlayerState(controller, (state) => state.skipInactivity);
  const buffering = usePlayerState(controller, (state) => state.buffering);
  const durationMs = usePlayerState(controller, (state) => state.durationMs);
  // whole tenths: the clock text changes ten times a second, not sixty
  const tenths = usePlayerState(controller, (state) => Math.floor(state.timeMs / 100));

  const playing = status === 'playing';
  const disabled = status === 'loading';
  return (
    <div class="player-controls">
      <button
        type="button"
        class="control-play"
        data-testid="play-toggle"
        disabled={disabled}
        onClick={() => controller.dispatch({ type: playing ? 'PAUSE' : 'PLAY' })}
        aria-label={playing ? 'Pause' : status === 'ended' ? 'Replay from the start' : 'Play'}
        title={`${playing ? 'Pause' : 'Play'} (Space)`}
      >
        {playing ? <PauseIcon /> : status === 'ended' ? <ReplayIcon /> : <PlayIcon />}
      </button>
      <span class="control-clock" aria-live="off" data-testid="player-clock">
        <span>{formatClock(tenths * 100)}</span>
        <span class="muted"> / {formatClock(durationMs)}</span>
      </span>
      {buffering && <span class="control-note">loading events…</span>}
      <span class="control-spacer" />
      <fieldset class="segmented">
        <legend class="visually-hidden">Playback speed</legend>
        {PLAYBACK_SPEEDS.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={option === speed}
            class={option === speed ? 'is-active' : ''}
            onClick={() => controller.dispatch({ type: 'SET_SPEED', speed: option })}
          >
            {option}×
          </button>
        ))}
      </fieldset>
      <label class="control-toggle" title="Jump over stretches with no user input">
        <input
          type="checkbox"
          checked={skip}
          onChange={() => controller.dispatch({ type: 'TOGGLE_SKIP_INACTIVITY' })}
        />
        Skip inactivity
      </label>
      <span class="control-hint muted" title="Space: play/pause · ←/→: 5 s · Shift+←/→: 15 s · Home: start">
        ⌨ Space ←/→
      </span>
    </div>
  );
}
