import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { WalCheckpointMessage, WalCheckpointRequest, WalCheckpointWorkerData } from './wal-checkpoint-protocol.js';

/** What SQLite checkpoints at by itself, for when the thread is gone. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
/** Writes wait no longer than this for a WAL restart; after it, SQLite's locks sort them out. */
const MAX_PAUSE_MS = 2000;
/** A thread that does not finish its last checkpoint within this is stopped. */
const CLOSE_TIMEOUT_MS = 10_000;

export interface WalCheckpointerOptions {
  /**
   * Milliseconds between two checkpoints.
   * @default 100
   */
  intervalMs?: number;
  /**
   * From this many frames in the WAL on (a page each), the WAL is started over, which
   * pauses writes for a few tens of milliseconds; its file is cut back to this size then,
   * and to nothing once writes stop for an interval. 16384 frames of 4 KB are 64 MB.
   * @default 16384
   */
  restartPages?: number;
}

export interface WalCheckpointer {
  /**
   * Set while the thread starts the WAL over: writes that can wait should wait for it, so
   * the restart has the writer lock to itself and the event loop never sleeps on a lock.
   */
  readonly writesPaused: Promise<void> | undefined;
  /** Runs a last full checkpoint (the WAL is left empty) and ends the thread. */
  close(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the event loop. SQLite's own (PASSIVE, every 1000 pages,
 * inside the commit that crosses them) are turned off on `db` once a worker thread with
 * its own connection is ready to checkpoint on a timer instead, and come back if it dies.
 * Durability is unchanged: a commit is in the WAL before it returns either way.
 */
export function startWalCheckpointer(
  db: Database,
  file: string,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const intervalMs = options.intervalMs ?? 100;
  const restartPages = options.restartPages ?? 16384;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`journal_size_limit = ${restartPages * pageSize}`);

  const workerData: WalCheckpointWorkerData = { file, intervalMs, restartPages };
  const worker = startModuleWorker(new URL(`./wal-checkpoint-worker${extname(import.meta.url)}`, import.meta.url), {
    workerData,
  });
  // the store's open connection is what keeps a server alive, not its checkpointer
  worker.unref();
  const send = (request: WalCheckpointRequest): void => worker.postMessage(request);

  let running = true;
  let pause: { promise: Promise<void>; end(): void } | undefined;
  const endPause = (): void => {
    pause?.end();
    pause = undefined;
  };

  worker.on('message', (message: WalCheckpointMessage) => {
    // SQLite's own checkpoints run until the thread can take over (it starts in tens of ms)
    if (message.type === 'ready' && running) db.pragma('wal_autocheckpoint = 0');
    else if (message.type === 'restart-wanted' && running && !pause) {
      // no write is under way: better-sqlite3 runs each transaction to its end synchronously
      pause = startPause(MAX_PAUSE_MS, () => {
        pause = undefined;
      });
      send({ type: 'writes-paused' });
    } else if (message.type === 'restarted') {
      endPause();
    }
  });
  // an error ends the thread ('exit' follows)
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      if (running && db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
      running = false;
      endPause();
      resolve();
    });
  });

  return {
    get writesPaused() {
      return pause?.promise;
    },
    async close() {
      if (!running) return;
      running = false;
      // held until the last checkpoint is done, so the process does not exit in the middle
      worker.ref();
      const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
      send({ type: 'close' });
      await exited;
      clearTimeout(timer);
    },
  };
}

function startPause(maxMs: number, onTimeout: () => void): { promise: Promise<void>; end(): void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  const timer = setTimeout(() => {
    onTimeout();
    resolve();
  }, maxMs);
  return {
    promise,
    end() {
      clearTimeout(timer);
      resolve();
    },
  };
}

/**
 * A worker for a module of this package: the `.js` build in `dist/`, or the `.ts` source
 * under tsx (tests, benches), whose loader Node 20 does not hand on to worker threads.
 */
function startModuleWorker(url: URL, options: { workerData: unknown }): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
