/** What the checkpoint thread is started with. */
export interface WalCheckpointWorkerData {
  file: string;
  /** Milliseconds between two checkpoints. */
  intervalMs: number;
  /** From this many frames in the WAL on, the thread asks to start the WAL over. */
  restartPages: number;
}

/**
 * Parent → thread. `writes-paused` answers `restart-wanted`: the parent holds its writes
 * back until `restarted`. `close`: run a last checkpoint, close the connection and end.
 */
export type WalCheckpointRequest = { type: 'writes-paused' } | { type: 'close' };

/** Thread → parent. `ready` once its connection is open: checkpoints are its job from then on. */
export type WalCheckpointMessage = { type: 'ready' } | { type: 'restart-wanted' } | { type: 'restarted' };
