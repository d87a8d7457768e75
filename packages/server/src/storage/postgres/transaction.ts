import type { ClientBase } from 'pg';

/**
 * Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK and rethrow when it
 * throws. A failed ROLLBACK leaves the connection mid-transaction, which
 * `withPoolClient` sees and closes instead of handing it out again.
 */
export async function runInTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await client.query('COMMIT');
  return result;
}
