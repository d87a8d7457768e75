import pkg from 'node-sql-parser';
import { SightlineError } from '../../errors.js';
import type { StorageEngine } from '../../storage/store.js';
import { checkSqlAst } from './check-sql-ast.js';
import { normalizeSqlText } from './normalize-sql-text.js';
import { findOffLimitsName } from './off-limits-names.js';
import { PUBLIC_VIEW_NAMES } from './public-views.js';

const { Parser } = pkg;

type ParserDialect = 'sqlite' | 'postgresql';

export interface ValidatedSql {
  /** The statement to run: comments and a trailing semicolon removed, otherwise as written. */
  sql: string;
}

/**
 * Checks that `sql` is one read-only SELECT over the public views before any engine sees
 * it, throwing `invalid_query` with the reason. This is the first of three walls: the
 * store then runs it inside org-scoped views (other orgs' rows are not reachable by name)
 * in a read-only connection or transaction with a time limit.
 *
 * @example
 * validateReadOnlySql("SELECT * FROM traces WHERE attributes->>'session.id' = 'abc' ORDER BY start_time", 'sqlite');
 */
export function validateReadOnlySql(input: string, engine: StorageEngine): ValidatedSql {
  const { sql, identifiers } = normalizeSqlText(input, engine);

  // named before parsing: the parser has no grammar for PRAGMA, VACUUM… and would only say "syntax error"
  const firstWord = /^[A-Za-z]+/.exec(sql)?.[0].toLowerCase();
  if (firstWord !== undefined && firstWord !== 'select' && firstWord !== 'with') {
    refuse(`${describeStatementType(firstWord)} statements are not allowed; only SELECT (and WITH … SELECT) is`);
  }

  const offLimits = findOffLimitsName(identifiers);
  if (offLimits) {
    refuse(
      `'${offLimits}' is not available: system catalogs, settings and server functions are off limits; ` +
        `queries read only the views ${PUBLIC_VIEW_NAMES.join(', ')}`,
    );
  }

  const parsed = parseStatement(sql, engine);
  const statements: unknown[] = Array.isArray(parsed.ast) ? parsed.ast : [parsed.ast];
  const [statement] = statements;
  if (statements.length !== 1 || typeof statement !== 'object' || statement === null) {
    refuse('only one statement is allowed');
  }
  const type = (statement as { type?: unknown }).type;
  if (type !== 'select') {
    refuse(`${describeStatementType(type)} statements are not allowed; only SELECT (and WITH … SELECT) is`);
  }

  const checkedTables = checkSqlAst(statement);
  // the parser's own table list is a cross-check: a table in an AST spot the walk
  // does not know would show up here unchecked
  for (const entry of parsed.tableList) {
    const [kind, schema, table = ''] = entry.split('::');
    if (kind !== 'select' || (schema !== 'null' && schema !== undefined) || !checkedTables.has(table.toLowerCase())) {
      refuse(`could not verify the table reference '${table}'; query the views ${PUBLIC_VIEW_NAMES.join(', ')}`);
    }
  }
  return { sql };
}

interface ParsedSql {
  ast: unknown;
  tableList: string[];
}

/**
 * Parses with the engine's grammar. node-sql-parser's SQLite grammar lacks some valid
 * SQLite (`OVER ()` without PARTITION BY, CROSS JOIN, INTERSECT) that its PostgreSQL
 * grammar reads; since the lexical check already made both grammars split the text the
 * same way, a SQLite query the SQLite grammar rejects gets a second chance there.
 */
function parseStatement(sql: string, engine: StorageEngine): ParsedSql {
  const parser = new Parser();
  const dialects: ParserDialect[] = engine === 'postgres' ? ['postgresql'] : ['sqlite', 'postgresql'];
  let firstError: unknown;
  for (const database of dialects) {
    try {
      const { ast, tableList } = parser.parse(sql, { database });
      return { ast: ast as unknown, tableList };
    } catch (error) {
      firstError ??= error;
    }
  }
  return refuse(`could not parse the query: ${describeSyntaxError(firstError, sql)}`, firstError);
}

/** The parser lists every token it expected; the position and what it found say more. */
function describeSyntaxError(error: unknown, sql: string): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const location = (error as { location?: { start?: { offset?: number; line?: number; column?: number } } }).location;
  const start = location?.start;
  if (start?.offset === undefined) return error instanceof Error ? error.message : String(error);
  const near = sql.slice(start.offset, start.offset + 20);
  return near === ''
    ? `unexpected end of query at line ${start.line}, column ${start.column}`
    : `syntax error at line ${start.line}, column ${start.column}, near '${near}'`;
}

function describeStatementType(type: unknown): string {
  return typeof type === 'string' ? type.toUpperCase() : 'these';
}

function refuse(reason: string, cause?: unknown): never {
  throw new SightlineError('invalid_query', reason, { cause });
}
