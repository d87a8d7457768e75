import type pg from 'pg';
import type { Store, UiSessionRecord } from '../store.js';

type UiSessionStorage = Pick<Store, 'createUiSession' | 'findUiSession' | 'deleteUiSession'>;

export function createPostgresUiSessionStorage(pool: pg.Pool): UiSessionStorage {
  return {
    async createUiSession(session) {
      const nowUs = Date.now() * 1000;
      // expired sign-ins are dropped whenever a new one starts: the table stays small without a sweeper
      await pool.query('DELETE FROM ui_sessions WHERE expires_us < $1', [nowUs]);
      await pool.query('INSERT INTO ui_sessions (hash, org_id, created_us, expires_us) VALUES ($1, $2, $3, $4)', [
        session.hash,
        session.orgId,
        nowUs,
        session.expiresUs,
      ]);
    },
    async findUiSession(hash) {
      const result = await pool.query<UiSessionRecord>(
        'SELECT hash, org_id AS "orgId", expires_us AS "expiresUs" FROM ui_sessions WHERE hash = $1',
        [hash],
      );
      return result.rows[0];
    },
    async deleteUiSession(hash) {
      await pool.query('DELETE FROM ui_sessions WHERE hash = $1', [hash]);
    },
  };
}
