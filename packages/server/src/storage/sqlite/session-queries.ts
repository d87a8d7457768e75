import type { Database, Statement } from 'better-sqlite3';
import {
  mapSessionDetailRow,
  mapSessionRow,
  SESSION_COLUMNS,
  SESSION_DETAIL_COLUMNS,
  type SessionDetailRow,
  type SessionRow,
} from '../internal/row-mappers.js';
import {
  buildSessionSearchQuery,
  getNextSessionCursor,
  type SessionSearchDialect,
} from '../internal/session-search-sql.js';
import type { Store } from '../store.js';

/** Distinct search shapes (which filters, which sort, first page or not) are few; this bounds the cache anyway. */
const MAX_CACHED_STATEMENTS = 256;

const sqliteDialect: SessionSearchDialect = {
  placeholder: () => '?',
  // LIKE ignores ASCII case in SQLite; `?` binds once per use
  anyUrlLike: (bind, pattern) =>
    `(first_url LIKE ${bind(pattern)} ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(sessions.urls) AS u WHERE u.value LIKE ${bind(pattern)} ESCAPE '\\'))`,
  browserEquals: (name) => `browser = ${name} COLLATE NOCASE`,
  // BINARY, the default collation, compares UTF-8 bytes: code point order already
  inCodePointOrder: (column) => column,
};

/** Session reads of the SQLite engine: the search of `GET /api/sessions` and one session with its findings. */
export function createSqliteSessionQueries(db: Database): Pick<Store, 'listSessions' | 'getSession'> {
  const session = db.prepare<[number, string], SessionDetailRow>(
    `SELECT ${SESSION_DETAIL_COLUMNS} FROM sessions WHERE org_id = ? AND session_id = ?`,
  );
  const statements = new Map<string, Statement<unknown[], SessionRow>>();
  const prepare = (sql: string): Statement<unknown[], SessionRow> => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      statement = db.prepare<unknown[], SessionRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    async listSessions(orgId, options) {
      const query = buildSessionSearchQuery(sqliteDialect, orgId, options, SESSION_COLUMNS);
      const rows = prepare(query.sql).all(...query.params);
      const page = rows.slice(0, options.limit);
      return {
        items: page.map(mapSessionRow),
        nextCursor: rows.length > options.limit ? getNextSessionCursor(options, page.at(-1)) : null,
      };
    },
    async getSession(orgId, sessionId) {
      const row = session.get(orgId, sessionId);
      return row ? mapSessionDetailRow(row) : undefined;
    },
  };
}
