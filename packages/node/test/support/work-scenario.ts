import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import type { Logger } from 'pino';
import { getSessionId } from '../../src/session/session-context.js';

export const TEST_POSTGRES_URL =
  process.env.SIGHTLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type PgModule = typeof import('pg');
type PinoModule = typeof import('pino');
type HttpModule = typeof import('node:http');

/**
 * What a request handler of every framework test does: a child span, a PostgreSQL query,
 * an outgoing fetch to another service, a pino log line and an OTel log record. The
 * modules come in already loaded *after* the instrumentations were registered.
 */
export interface WorkScenario {
  /** Runs the handler's work in the request's context; returns what the handler answers. */
  work(): Promise<WorkResult>;
  /** Lines pino wrote (parsed). */
  pinoLines: Record<string, unknown>[];
  /** `baggage` headers the downstream service received. */
  downstreamBaggage: (string | undefined)[];
  /** Why PostgreSQL is skipped, or undefined when it answers. */
  postgresSkipReason: string | undefined;
  close(): Promise<void>;
}

export interface WorkResult {
  sessionId: string | null;
}

export async function createWorkScenario(modules: {
  http: HttpModule;
  pg: PgModule;
  pino: PinoModule;
}): Promise<WorkScenario> {
  const pinoLines: Record<string, unknown>[] = [];
  const downstreamBaggage: (string | undefined)[] = [];
  const { sightlinePinoMixin } = await import('../../src/logs/pino-mixin.js');
  const logger: Logger = modules.pino.pino(
    { mixin: sightlinePinoMixin },
    { write: (line: string) => void pinoLines.push(JSON.parse(line) as Record<string, unknown>) },
  );

  const downstream: Server = modules.http.createServer((req, res) => {
    const baggage = req.headers.baggage;
    downstreamBaggage.push(Array.isArray(baggage) ? baggage.join(',') : baggage);
    res.end('downstream ok');
  });
  await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
  const downstreamUrl = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}/inventory`;

  const postgresSkipReason = await checkPostgres(modules.pg);
  const otelLogger = logs.getLogger('work-scenario');

  return {
    pinoLines,
    downstreamBaggage,
    postgresSkipReason,
    async work() {
      await trace.getTracer('work-scenario').startActiveSpan('child work', async (span) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        span.end();
      });
      if (postgresSkipReason === undefined) {
        const client = new modules.pg.Client({ connectionString: TEST_POSTGRES_URL });
        await client.connect();
        try {
          await client.query('SELECT 1 AS one');
        } finally {
          await client.end();
        }
      }
      await (await fetch(downstreamUrl)).text();
      logger.info('handled work');
      otelLogger.emit({ severityNumber: SeverityNumber.INFO, body: 'work done' });
      return { sessionId: getSessionId() ?? null };
    },
    close: () => new Promise<void>((resolve) => downstream.close(() => resolve())),
  };
}

async function checkPostgres(pg: PgModule): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const reason = `PostgreSQL is unreachable at ${TEST_POSTGRES_URL}: ${(error as Error).message}`;
    if (process.env.SIGHTLINE_REQUIRE_POSTGRES === '1') throw new Error(`${reason} (SIGHTLINE_REQUIRE_POSTGRES=1)`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}
