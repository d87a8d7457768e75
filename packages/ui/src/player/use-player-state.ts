import { useMemo } from 'preact/hooks';
import { useExternalState } from '../app/use-external-state';
import type { PlayerController } from './player-controller';
import type { PlayerState } from './player-machine';

/**
 * A value derived from the player's state; the component re-renders only when it changes,
 * so a 60 fps clock re-renders the playhead, not every panel.
 */
export function usePlayerState<T>(controller: PlayerController, select: (state: PlayerState) => T): T {
  const subscribe = useMemo(() => (listener: () => void) => controller.subscribe(() => listener()), [controller]);
  return useExternalState(subscribe, () => select(controller.getState()));
}
