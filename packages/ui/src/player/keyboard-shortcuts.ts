import type { PlayerEvent, PlayerState } from './player-machine';

/** The part of a KeyboardEvent the shortcuts read. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Tag name of the focused element: typing in a field is never a shortcut. */
  targetTag?: string | undefined;
  targetEditable?: boolean | undefined;
}

export const SEEK_STEP_MS = 5_000;
export const LONG_SEEK_STEP_MS = 15_000;

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Space plays or pauses; ← and → seek 5 s (15 s with Shift); Home goes to the start.
 * Returns undefined for any other key, with Ctrl/Alt/Meta held, or while typing.
 */
export function readPlayerShortcut(press: KeyPress, state: PlayerState): PlayerEvent | undefined {
  if (press.ctrlKey || press.altKey || press.metaKey) return undefined;
  if (press.targetEditable || (press.targetTag !== undefined && TYPING_TAGS.has(press.targetTag.toUpperCase()))) {
    return undefined;
  }
  const step = press.shiftKey ? LONG_SEEK_STEP_MS : SEEK_STEP_MS;
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      // a focused button or link answers Space itself
      if (press.targetTag !== undefined && /^(BUTTON|A|SUMMARY)$/i.test(press.targetTag)) return undefined;
      return state.status === 'playing' ? { type: 'PAUSE' } : { type: 'PLAY' };
    case 'ArrowLeft':
      return { type: 'SEEK', timeMs: Math.max(0, state.timeMs - step) };
    case 'ArrowRight':
      return { type: 'SEEK', timeMs: state.timeMs + step };
    case 'Home':
      return { type: 'SEEK', timeMs: 0 };
    default:
      return undefined;
  }
}
