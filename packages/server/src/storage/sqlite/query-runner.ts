import { SightlineError } from '../../errors.js';
import type { QueryResult, ReadOnlyQueryOptions } from '../store.js';

export interface SqliteQueryRunner {
  run(orgId: number, sql: string, options: ReadOnlyQueryOptions): Promise<QueryResult>;
  close(): Promise<void>;
}

// placeholder until the sandboxed runner lands
export function createSqliteQueryRunner(_file: string): SqliteQueryRunner {
  return {
    async run() {
      throw new SightlineError('unavailable', 'SQL queries are not available yet');
    },
    async close() {},
  };
}
