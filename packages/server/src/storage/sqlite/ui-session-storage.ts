import type { Database } from 'better-sqlite3';
import type { Store, UiSessionRecord } from '../store.js';

type UiSessionStorage = Pick<Store, 'createUiSession' | 'findUiSession' | 'deleteUiSession'>;

export function createSqliteUiSessionStorage(db: Database): UiSessionStorage {
  const insert = db.prepare('INSERT INTO ui_sessions (hash, org_id, created_us, expires_us) VALUES (?, ?, ?, ?)');
  // expired sign-ins are dropped whenever a new one starts: the table stays small without a sweeper
  const purgeExpired = db.prepare('DELETE FROM ui_sessions WHERE expires_us < ?');
  const find = db.prepare<[string], UiSessionRecord>(
    'SELECT hash, org_id AS orgId, expires_us AS expiresUs FROM ui_sessions WHERE hash = ?',
  );
  const remove = db.prepare('DELETE FROM ui_sessions WHERE hash = ?');
  return {
    async createUiSession(session) {
      const nowUs = Date.now() * 1000;
      purgeExpired.run(nowUs);
      insert.run(session.hash, session.orgId, nowUs, session.expiresUs);
    },
    async findUiSession(hash) {
      return find.get(hash);
    },
    async deleteUiSession(hash) {
      remove.run(hash);
    },
  };
}
