import type { QueryResult } from '../store.js';

/** Parent → worker: one statement, already wrapped in the org's views. */
export interface QueryWorkerRequest {
  id: number;
  sql: string;
  maxRows: number;
}

/** Worker → parent. `ready` once the database is open; then one answer per request. */
export type QueryWorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: QueryResult }
  /** The statement failed in SQLite (syntax, unknown column, not a read…): the query's fault. */
  | { type: 'error'; id: number; message: string };
