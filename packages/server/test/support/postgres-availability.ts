import pg from 'pg';

export const TEST_POSTGRES_URL =
  process.env.SIGHTLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let availability: Promise<string | undefined> | undefined;

/**
 * Resolves to undefined when the test PostgreSQL answers, else to the reason to skip.
 * With SIGHTLINE_REQUIRE_POSTGRES=1 (CI) an unreachable server rejects: PostgreSQL
 * tests must never be skipped silently there.
 */
export function checkPostgresAvailable(): Promise<string | undefined> {
  availability ??= (async () => {
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
  })();
  return availability;
}
