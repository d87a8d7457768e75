import type { PlayerController } from '../player/player-controller';
import { usePlayerState } from '../player/use-player-state';
import { findCurrentIndex, type Timed } from './follow-playback';

/** The row the playhead is at; re-renders only when it changes. */
export function useCurrentIndex(controller: PlayerController, rows: readonly Timed[]): number {
  return usePlayerState(controller, (state) => findCurrentIndex(rows, state.timeMs));
}

/** Panels scroll to follow the playhead only while it plays: paused, the reader scrolls freely. */
export function useFollowing(controller: PlayerController): boolean {
  return usePlayerState(controller, (state) => state.status === 'playing');
}
