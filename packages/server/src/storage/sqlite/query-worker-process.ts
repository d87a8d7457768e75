import { type ChildProcess, fork } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SightlineError } from '../../errors.js';
import type { QueryResult } from '../store.js';
import type { QueryWorkerMessage, QueryWorkerRequest } from './query-worker-protocol.js';

/** A cold start under tsx takes about a second; far longer means the worker is stuck. */
const START_TIMEOUT_MS = 15_000;

/**
 * Flags a worker must not inherit: a second inspector would fight over the port, and the
 * test runner's flags would turn the worker into a test file. The rest (tsx's `--import`
 * under tests, memory flags in production) is what lets it load like its parent.
 */
const UNINHERITED_FLAG = /^--(inspect|debug|test|watch|prof|cpu-prof|heap-prof)/;

interface Waiter {
  resolve(result: QueryResult): void;
  reject(error: Error): void;
}

export interface QueryWorkerProcess {
  /** Runs one statement; rejects with `internal` if the worker dies before answering. */
  query(sql: string, maxRows: number): Promise<QueryResult>;
  /** SIGKILL: the only way to stop a statement better-sqlite3 is running. */
  kill(): void;
}

/**
 * Forks `query-worker` (the `.ts` source under tsx, the `.js` build in `dist/`: the file
 * next to this one with this module's extension) and resolves once it has the database
 * open. `onExit` runs when the process ends for any reason, so the owner can replace it.
 */
export function spawnQueryWorker(databaseFile: string, onExit: () => void): Promise<QueryWorkerProcess> {
  const here = fileURLToPath(import.meta.url);
  const child = fork(join(dirname(here), `query-worker${extname(here)}`), [databaseFile], {
    execArgv: process.execArgv.filter((flag) => !UNINHERITED_FLAG.test(flag)),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'json',
  });
  holdEventLoop(child, false);

  return new Promise((resolve, reject) => {
    const startTimer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new SightlineError('unavailable', `the SQL query worker did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);

    const pending = new Map<number, Waiter>();
    let nextId = 1;

    child.on('message', (message: QueryWorkerMessage) => {
      if (message.type === 'ready') {
        clearTimeout(startTimer);
        resolve(createHandle(child, pending, () => nextId++));
        return;
      }
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.type === 'result') waiter.resolve(message.result);
      else waiter.reject(new SightlineError('invalid_query', message.message));
    });
    child.on('error', (error) => {
      // fork could not start the process (or a send failed); 'exit' may never follow
      clearTimeout(startTimer);
      reject(new SightlineError('unavailable', 'the SQL query worker could not start', { cause: error }));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(startTimer);
      const reason = `the SQL query worker exited (${signal ?? `code ${code}`})`;
      reject(new SightlineError('unavailable', reason));
      for (const waiter of pending.values()) waiter.reject(new SightlineError('internal', reason));
      pending.clear();
      onExit();
    });
  });
}

/**
 * An idle worker must not keep the server (or a test run) alive; a busy one must, or the
 * process could exit with a query unanswered — or before the exit of a worker killed at
 * the time limit is seen.
 */
function holdEventLoop(child: ChildProcess, hold: boolean): void {
  if (hold) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

function createHandle(child: ChildProcess, pending: Map<number, Waiter>, takeId: () => number): QueryWorkerProcess {
  return {
    query(sql, maxRows) {
      return new Promise((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null || !child.connected) {
          reject(new SightlineError('internal', 'the SQL query worker is not running'));
          return;
        }
        const request: QueryWorkerRequest = { id: takeId(), sql, maxRows };
        const release = () => {
          if (pending.size === 0) holdEventLoop(child, false);
        };
        pending.set(request.id, {
          resolve: (result) => {
            resolve(result);
            release();
          },
          reject: (error) => {
            reject(error);
            release();
          },
        });
        holdEventLoop(child, true);
        child.send(request);
      });
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}
