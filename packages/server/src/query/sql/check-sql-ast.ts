import { SightlineError } from '../../errors.js';
import { ALLOWED_CAST_TYPES, ALLOWED_FUNCTIONS } from './allowed-functions.js';
import { PUBLIC_VIEW_NAMES } from './public-views.js';

type AstNode = Record<string, unknown>;

/** CTE names visible at a point of the query, innermost scope last. */
type Scope = readonly string[];

const VIEW_LIST = PUBLIC_VIEW_NAMES.join(', ');

/**
 * Walks a node-sql-parser AST generically — every object and array, not only the places
 * a SELECT usually keeps expressions — so a function or table hidden in an unusual spot
 * (a LATERAL join, a window frame, a CTE inside a subquery) is still seen.
 * Returns the table names it checked, for the caller to compare with the parser's own list.
 */
export function checkSqlAst(ast: unknown): Set<string> {
  const seenTables = new Set<string>();
  walk(ast, [], seenTables);
  return seenTables;
}

function walk(value: unknown, scope: Scope, seenTables: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, scope, seenTables);
    return;
  }
  if (!isNode(value)) return;

  let innerScope = scope;
  if (value.type === 'select') {
    checkSelectClauses(value);
    innerScope = walkWithClause(value.with, scope, seenTables);
  }
  checkFunctionCall(value);
  checkCast(value);

  for (const [key, child] of Object.entries(value)) {
    // `with` was walked above with its own scoping; the lists are strings the parser derived
    if (key === 'with' || key === 'tableList' || key === 'columnList' || key === 'loc') continue;
    if (key === 'from' && Array.isArray(child)) checkFromItems(child, innerScope, seenTables);
    walk(child, innerScope, seenTables);
  }
}

/** Each CTE sees the ones defined before it (non-recursive WITH); the main query sees all. */
function walkWithClause(withClause: unknown, scope: Scope, seenTables: Set<string>): Scope {
  if (!Array.isArray(withClause)) return scope;
  let current = scope;
  for (const cte of withClause) {
    if (!isNode(cte)) continue;
    const name = readCteName(cte);
    if (cte.recursive === true) {
      refuse(`WITH RECURSIVE is not allowed (CTE '${name}'): a recursive query can run without bound`);
    }
    walk(cte.stmt, current, seenTables);
    walk(cte.columns, current, seenTables);
    current = [...current, name];
  }
  return current;
}

function readCteName(cte: AstNode): string {
  const name = isNode(cte.name) ? cte.name.value : cte.name;
  if (typeof name !== 'string') return refuse('a WITH clause has a CTE without a readable name');
  // lower case only: a quoted "Spans" CTE must not make an unquoted spans look defined
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    refuse(`CTE name '${name}' must be lower case letters, digits and underscores`);
  }
  if ((PUBLIC_VIEW_NAMES as readonly string[]).includes(name)) {
    refuse(`CTE name '${name}' would hide the view of the same name; pick another name`);
  }
  return name;
}

function checkSelectClauses(select: AstNode): void {
  const into = select.into;
  if (isNode(into) && into.expr !== undefined && into.expr !== null) {
    refuse('SELECT … INTO creates a table; only plain SELECT queries are allowed');
  }
  for (const key of ['for_update', 'locking_read']) {
    const locking = select[key];
    if (locking !== undefined && locking !== null) {
      refuse('SELECT … FOR UPDATE/SHARE locks rows; only plain SELECT queries are allowed');
    }
  }
}

function checkFromItems(items: unknown[], scope: Scope, seenTables: Set<string>): void {
  for (const item of items) {
    if (!isNode(item) || typeof item.table !== 'string') continue;
    const qualifier = [item.db, item.schema].filter((part) => typeof part === 'string' && part !== '');
    if (qualifier.length > 0) {
      refuse(
        `schema-qualified table '${[...qualifier, item.table].join('.')}' is not allowed; query the views ${VIEW_LIST}`,
      );
    }
    const name = item.table.toLowerCase();
    const isView = (PUBLIC_VIEW_NAMES as readonly string[]).includes(name);
    if (!isView && !scope.includes(name)) {
      refuse(`table '${item.table}' is not available; query the views ${VIEW_LIST} (or a CTE defined in the query)`);
    }
    seenTables.add(name);
  }
}

function checkFunctionCall(node: AstNode): void {
  const type = typeof node.type === 'string' ? node.type : '';
  const looksLikeCall = type === 'function' || type.endsWith('_func') || ('args' in node && 'name' in node);
  if (!looksLikeCall) return;
  const name = readFunctionName(node);
  if (!ALLOWED_FUNCTIONS.has(name.toLowerCase())) {
    refuse(`function '${name}' is not allowed in queries; the allowed functions are listed in docs/sql-query.md`);
  }
}

/** `function` nodes carry `{ name: [{ value }], schema? }`; aggregate and window nodes a plain string. */
function readFunctionName(node: AstNode): string {
  if (typeof node.name === 'string') return node.name;
  if (isNode(node.name) && Array.isArray(node.name.name)) {
    const parts = node.name.name.map((part: unknown) => (isNode(part) ? part.value : undefined));
    const schema = isNode(node.name.schema) ? node.name.schema.value : undefined;
    if (parts.length === 1 && typeof parts[0] === 'string' && schema === undefined) return parts[0];
    const written = [schema, ...parts].filter((part) => typeof part === 'string').join('.');
    return refuse(`schema-qualified function '${written}' is not allowed; call functions by their plain name`);
  }
  return refuse('the query calls a function whose name the checker cannot read');
}

function checkCast(node: AstNode): void {
  if (node.type !== 'cast' || !Array.isArray(node.target)) return;
  for (const target of node.target) {
    if (!isNode(target) || typeof target.dataType !== 'string') {
      refuse('the query casts to a type the checker cannot read');
    }
    const suffix = Array.isArray(target.suffix) ? target.suffix.filter((word) => typeof word === 'string') : [];
    const written = [target.dataType, ...suffix].join(' ').toUpperCase();
    // TIMESTAMP WITH TIME ZONE and friends: the base type decides
    if (!ALLOWED_CAST_TYPES.has(target.dataType.toUpperCase())) {
      refuse(`cast to '${written}' is not allowed; cast to a number, text, boolean, date/time, interval or JSON type`);
    }
  }
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(reason: string): never {
  throw new SightlineError('invalid_query', reason);
}
