import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Database, Statement } from 'better-sqlite3';

const tracer = trace.getTracer('demo-shop-db');

/** The three ways the shop runs a statement, each one a `db` span. */
export interface TracedStatement {
  get<T>(...params: unknown[]): T | undefined;
  all<T>(...params: unknown[]): T[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

/**
 * A prepared statement whose every execution is a CLIENT span named like the OTel
 * database conventions (`SELECT products`). better-sqlite3 has no OpenTelemetry
 * instrumentation, and a trace that hides the INSERT that failed would hide the bug.
 */
export function prepareTraced(db: Database, sql: string): TracedStatement {
  const statement: Statement = db.prepare(sql);
  const name = describeStatement(sql);
  const traced = <T>(run: () => T): T =>
    tracer.startActiveSpan(
      name,
      { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'sqlite', 'db.query.text': sql } },
      (span) => {
        try {
          return run();
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  return {
    get: <T>(...params: unknown[]) => traced(() => statement.get(...params) as T | undefined),
    all: <T>(...params: unknown[]) => traced(() => statement.all(...params) as T[]),
    run: (...params: unknown[]) => traced(() => statement.run(...params)),
  };
}

/** `SELECT … FROM products …` → `SELECT products`: the operation and the first table. */
function describeStatement(sql: string): string {
  const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:from|into|update)\s+(\w+)/i.exec(sql)?.[1];
  return table === undefined ? operation : `${operation} ${table}`;
}
