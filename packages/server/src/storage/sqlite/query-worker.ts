/**
 * The child process that runs `POST /api/query` SQL for the SQLite engine
 * (`query-runner.ts` forks it). better-sqlite3 runs a statement to its end on the calling
 * thread, so a query that runs too long can only be stopped by killing its process, and
 * that must not be the server's. It opens the database file read-only.
 */
import Database from 'better-sqlite3';
import { BOOLEAN_COLUMN_NAMES, JSON_COLUMN_NAMES } from '../../query/sql/public-views.js';
import { parseJsonText, toJsonSafeValue } from '../../query/sql/to-json-safe-value.js';
import type { QueryResult } from '../store.js';
import type { QueryWorkerMessage, QueryWorkerRequest } from './query-worker-protocol.js';

/** SQLite's own allocations (sorts, group-bys, huge strings) stop here with an error instead of growing the process. */
const HEAP_LIMIT_BYTES = 256 * 1024 * 1024;

const file = process.argv[2];
if (!file || !process.send) {
  process.stderr.write('query-worker: run me with child_process.fork(module, [databaseFile])\n');
  process.exit(2);
}

const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma(`hard_heap_limit = ${HEAP_LIMIT_BYTES}`);
db.pragma('query_only = ON');

const send = (message: QueryWorkerMessage): void => {
  process.send?.(message);
};

process.on('message', (request: QueryWorkerRequest) => {
  try {
    send({ type: 'result', id: request.id, result: runQuery(request.sql, request.maxRows) });
  } catch (error) {
    // what SQLite or better-sqlite3 said about the statement: syntax, unknown column, several statements…
    send({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});
// the parent is gone: nobody will read an answer
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

function runQuery(sql: string, maxRows: number): QueryResult {
  const statement = db.prepare(sql);
  // a second wall behind the validator and the read-only connection
  if (!statement.readonly || !statement.reader) throw new Error('only read-only SELECT statements can run');
  statement.raw(true);
  statement.safeIntegers(true);
  const columns = statement.columns().map((column) => column.name);
  const jsonColumns = columns.map((name) => JSON_COLUMN_NAMES.has(name));
  const booleanColumns = columns.map((name) => BOOLEAN_COLUMN_NAMES.has(name));
  const readCell = (value: unknown, index: number): unknown => {
    if (jsonColumns[index]) return toJsonSafeValue(parseJsonText(value));
    // SQLite has no boolean: the view's 0/1 come back as PostgreSQL's true/false do
    if (booleanColumns[index] && (typeof value === 'bigint' || typeof value === 'number')) return Number(value) !== 0;
    return toJsonSafeValue(value);
  };

  const rows: unknown[][] = [];
  let truncated = false;
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    if (rows.length === maxRows) {
      truncated = true;
      break;
    }
    rows.push(row.map(readCell));
  }
  return { columns, rows, truncated };
}
