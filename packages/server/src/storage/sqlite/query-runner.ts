import { SightlineError } from '../../errors.js';
import { checkQueryLimits } from '../../query/sql/query-limits.js';
import { buildSqliteOrgViews } from '../../query/sql/views/sqlite.js';
import { wrapInOrgViews } from '../../query/sql/wrap-in-org-views.js';
import type { QueryResult, ReadOnlyQueryOptions } from '../store.js';
import { type QueryWorkerProcess, spawnQueryWorker } from './query-worker-process.js';

/** Queries wait their turn for the one worker; past this many waiting, callers are told to come back. */
const MAX_WAITING_QUERIES = 16;

export interface SqliteQueryRunner {
  run(orgId: number, sql: string, options: ReadOnlyQueryOptions): Promise<QueryResult>;
  close(): Promise<void>;
}

/**
 * Runs `POST /api/query` SQL in a child process that holds the database file open
 * read-only, one query at a time. The time limit is enforced by killing that process
 * (better-sqlite3 cannot interrupt a statement), which costs the next query a fresh start
 * and nothing else: the server's own connection never ran the query.
 */
export function createSqliteQueryRunner(file: string): SqliteQueryRunner {
  let worker: Promise<QueryWorkerProcess> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let closed = false;

  const startWorker = (): Promise<QueryWorkerProcess> => {
    const started = spawnQueryWorker(file, () => {
      if (worker === started) worker = undefined;
    });
    // a worker that failed to start is forgotten, so the next query tries again
    started.catch(() => {
      if (worker === started) worker = undefined;
    });
    return started;
  };

  const runNext = async (sql: string, { timeoutMs, maxRows }: ReadOnlyQueryOptions): Promise<QueryResult> => {
    if (closed) throw new SightlineError('unavailable', 'the store is closed');
    worker ??= startWorker();
    const current = await worker;
    let timedOut = false;
    // the clock starts once the worker has the query: a cold start is not the query's time
    const timer = setTimeout(() => {
      timedOut = true;
      current.kill();
    }, timeoutMs);
    try {
      return await current.query(sql, maxRows);
    } catch (error) {
      if (timedOut) {
        throw new SightlineError('query_timeout', `the query ran longer than ${timeoutMs} ms and was stopped`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    run(orgId, sql, options) {
      const limits = checkQueryLimits(options);
      const statement = wrapInOrgViews(sql, buildSqliteOrgViews(orgId));
      if (waiting >= MAX_WAITING_QUERIES) {
        return Promise.reject(
          new SightlineError('overloaded', 'too many SQL queries are waiting; try again shortly', {
            retryAfterMs: 1000,
          }),
        );
      }
      waiting += 1;
      const task = queue
        .then(() => runNext(statement, limits))
        .finally(() => {
          waiting -= 1;
        });
      queue = task.catch(() => undefined);
      return task;
    },

    async close() {
      closed = true;
      const current = worker;
      worker = undefined;
      (await current?.catch(() => undefined))?.kill();
    },
  };
}
