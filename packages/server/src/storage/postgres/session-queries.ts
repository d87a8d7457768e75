import type pg from 'pg';
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

const postgresDialect: SessionSearchDialect = {
  placeholder: (position) => `$${position}`,
  // one parameter used twice; ILIKE ignores case
  anyUrlLike: (bind, pattern) => {
    const like = bind(pattern);
    return `(first_url ILIKE ${like} ESCAPE '\\' OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(sessions.urls) AS u(url) WHERE u.url ILIKE ${like} ESCAPE '\\'))`;
  },
  browserEquals: (name) => `lower(browser) = lower(${name})`,
  // the column's collation is the database's; "C" is byte order, as `sessions_by_user` is built
  inCodePointOrder: (column) => `${column} COLLATE "C"`,
};

const GET_SESSION = `SELECT ${SESSION_DETAIL_COLUMNS} FROM sessions WHERE org_id = $1 AND session_id = $2`;

/** Session reads of the PostgreSQL engine: the search of `GET /api/sessions` and one session with its findings. */
export function createPostgresSessionQueries(pool: pg.Pool): Pick<Store, 'listSessions' | 'getSession'> {
  return {
    async listSessions(orgId, options) {
      const query = buildSessionSearchQuery(postgresDialect, orgId, options, SESSION_COLUMNS);
      const { rows } = await pool.query<SessionRow>(query.sql, query.params);
      const page = rows.slice(0, options.limit);
      return {
        items: page.map(mapSessionRow),
        nextCursor: rows.length > options.limit ? getNextSessionCursor(options, page.at(-1)) : null,
      };
    },
    async getSession(orgId, sessionId) {
      const row = (await pool.query<SessionDetailRow>(GET_SESSION, [orgId, sessionId])).rows[0];
      return row ? mapSessionDetailRow(row) : undefined;
    },
  };
}
