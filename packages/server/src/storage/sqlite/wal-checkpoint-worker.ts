/**
 * The thread that checkpoints the SQLite WAL (`wal-checkpointer.ts` starts it), so the
 * copy of committed pages into the database file, and its fsyncs, happen beside the event
 * loop instead of inside an ingest commit. It has its own connection to the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WalCheckpointMessage, WalCheckpointRequest, WalCheckpointWorkerData } from './wal-checkpoint-protocol.js';

type CheckpointMode = 'PASSIVE' | 'RESTART' | 'TRUNCATE';

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

const { file, intervalMs, restartPages } = workerData as WalCheckpointWorkerData;
const port = parentPort;
if (!port) throw new Error('wal-checkpoint-worker: run me with new Worker()');

const db = new Database(file, { fileMustExist: true });
// NORMAL as on the writer: the database file is synced before any WAL frame is reused
db.pragma('synchronous = NORMAL');
// RESTART and TRUNCATE wait this long for readers still on the WAL, and for writes that do
// not go through the parent's pause; past it they give up and are tried again later
db.pragma('busy_timeout = 50');

const checkpoint = (mode: CheckpointMode): CheckpointResult => {
  const [result] = db.pragma(`wal_checkpoint(${mode})`) as CheckpointResult[];
  return result ?? { busy: 1, log: 0, checkpointed: 0 };
};
const send = (message: WalCheckpointMessage): void => port.postMessage(message);

let timer: NodeJS.Timeout | undefined;
let previousLog = 0;
/** What runs once the parent has paused its writes. */
let restartMode: CheckpointMode = 'RESTART';

const schedule = (): void => {
  timer = setTimeout(tick, intervalMs);
};
const tick = (): void => {
  // PASSIVE copies what it can and takes no lock. Under a steady stream of commits it
  // never reaches the end of the WAL, so the writer never gets to start the WAL over and
  // the file would grow without bound: past restartPages, the parent pauses its writes for
  // a RESTART, which then only has the frames written since to copy.
  const { log, checkpointed } = checkpoint('PASSIVE');
  const idle = log > 0 && log === previousLog && checkpointed === log;
  previousLog = log;
  if (log >= restartPages || idle) {
    // nothing written for a whole interval: give the WAL file's space back
    restartMode = idle ? 'TRUNCATE' : 'RESTART';
    send({ type: 'restart-wanted' });
  } else {
    schedule();
  }
};

port.on('message', (request: WalCheckpointRequest) => {
  if (request.type === 'writes-paused') {
    try {
      // after a busy one (a reader kept the WAL) an idle WAL is tried again two ticks on
      previousLog = checkpoint(restartMode).busy ? -1 : 0;
    } finally {
      send({ type: 'restarted' });
      schedule();
    }
  } else if (request.type === 'close') {
    clearTimeout(timer);
    try {
      checkpoint('TRUNCATE');
    } finally {
      db.close();
      // nothing else holds the thread: it ends, and the parent sees 'exit'
      port.close();
    }
  }
});
send({ type: 'ready' });
schedule();
