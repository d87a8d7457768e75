import { SightlineError } from '../../errors.js';
import type { StorageEngine } from '../../storage/store.js';

/** SQL text both the parser and the engine read the same way, plus what the lexer saw on the way. */
export interface NormalizedSql {
  /** The statement without comments and without a trailing semicolon. */
  sql: string;
  /** Every identifier outside string literals, quoted or not, as written. */
  identifiers: string[];
}

/** Long enough for any hand-written analysis query; bounds the work of parsing. */
export const MAX_SQL_LENGTH = 20_000;

/**
 * Characters refused outside quotes, per engine. Each one starts a token the engine and
 * node-sql-parser read differently (SQLite takes `#a`, `$a`, `:a`, `@a` and `?` as
 * parameters and `[…]` as an identifier, where the parser sees a comment or a syntax
 * error; PostgreSQL's `$` starts dollar quoting), so text the checker accepted could run
 * as something else.
 */
const REFUSED_OUTSIDE_QUOTES: Record<StorageEngine, ReadonlyMap<string, string>> = {
  sqlite: new Map([
    ['$', "'$' starts a parameter in SQLite"],
    ['#', "'#' starts a parameter in SQLite"],
    ['?', "'?' is a parameter; write values inline"],
    ['@', "'@' starts a parameter in SQLite"],
    [':', "':' starts a parameter in SQLite"],
    ['[', "'[…]' identifiers are not supported; quote identifiers with double quotes"],
    [']', "'[…]' identifiers are not supported; quote identifiers with double quotes"],
    ['\\', "'\\' is not valid here"],
  ]),
  postgres: new Map([
    ['$', "'$' (dollar quoting, $1 parameters) is not supported; use single-quoted strings"],
    ['`', 'backtick identifiers are not valid in PostgreSQL; quote identifiers with double quotes'],
    ['\\', "'\\' is not valid here"],
  ]),
};

/**
 * Removes comments and checks the lexical shape of one SQL statement with the engine's own
 * rules (where comments end, which quotes exist), refusing the few constructs where the
 * engine and the parser would split the text differently: the query that runs is exactly
 * the text the checker parsed.
 */
export function normalizeSqlText(input: string, engine: StorageEngine): NormalizedSql {
  if (input.length > MAX_SQL_LENGTH) {
    refuse(`the query is ${input.length} characters long; at most ${MAX_SQL_LENGTH} are allowed`);
  }
  const refusedChars = REFUSED_OUTSIDE_QUOTES[engine];
  const identifiers: string[] = [];
  let out = '';
  let statementEnded = false;
  let i = 0;

  while (i < input.length) {
    const char = input.charAt(i);
    const next = input.charAt(i + 1);
    checkControlCharacter(char, i);

    if (char === '-' && next === '-') {
      i = skipLineComment(input, i, engine);
      out += ' ';
      continue;
    }
    if (char === '/' && next === '*') {
      const end = skipBlockComment(input, i, engine);
      // keep the comment's line breaks: a syntax error's line number then still matches the input
      out += ` ${input.slice(i, end).replace(/[^\n]/g, '')}`;
      i = end;
      continue;
    }
    if (isWhitespace(char)) {
      out += char;
      i += 1;
      continue;
    }
    if (statementEnded) {
      refuse('only one statement is allowed; remove what follows the first semicolon');
    }
    if (char === ';') {
      statementEnded = true;
      i += 1;
      continue;
    }
    if (char === "'") {
      const end = findQuoteEnd(input, i, "'", 'string literal', engine);
      out += input.slice(i, end);
      i = end;
      continue;
    }
    if (char === '"' || (char === '`' && engine === 'sqlite')) {
      const end = findQuoteEnd(input, i, char, 'quoted identifier', engine);
      const quoted = input.slice(i, end);
      identifiers.push(quoted.slice(1, -1).replaceAll(char + char, char));
      out += quoted;
      i = end;
      continue;
    }
    if (isIdentifierStart(char)) {
      let end = i + 1;
      while (end < input.length && isIdentifierPart(input.charAt(end))) end += 1;
      identifiers.push(input.slice(i, end));
      out += input.slice(i, end);
      i = end;
      continue;
    }
    if (char.charCodeAt(0) > 0x7e) {
      refuse(`the character '${char}' at position ${i} is only allowed inside quotes`);
    }
    const refusal = refusedChars.get(char);
    if (refusal) refuse(`${refusal} (position ${i})`);
    if (char === '#' && next !== '>' && next !== '-') {
      // PostgreSQL's jsonb operators #>, #>> and #- are fine; a lone '#' reads as a comment to the parser
      refuse(`'#' is only allowed in the jsonb operators #>, #>> and #- (position ${i})`);
    }
    out += char;
    i += 1;
  }

  const sql = out.trim();
  if (sql === '') refuse('the query is empty');
  return { sql, identifiers };
}

function refuse(reason: string): never {
  throw new SightlineError('invalid_query', reason);
}

function checkControlCharacter(char: string, position: number): void {
  const code = char.charCodeAt(0);
  // a NUL ends the statement early for SQLite but not for the parser
  if ((code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f) {
    refuse(`control character U+${code.toString(16).padStart(4, '0')} at position ${position} is not allowed`);
  }
}

function isWhitespace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

function isIdentifierStart(char: string): boolean {
  return /[A-Za-z_]/.test(char);
}

function isIdentifierPart(char: string): boolean {
  return /[A-Za-z0-9_]/.test(char);
}

/** A line comment ends at a newline; PostgreSQL also ends it at a carriage return, SQLite does not. */
function skipLineComment(input: string, start: number, engine: StorageEngine): number {
  let i = start + 2;
  while (i < input.length) {
    const char = input.charAt(i);
    if (char === '\n' || (char === '\r' && engine === 'postgres')) break;
    checkControlCharacter(char, i);
    i += 1;
  }
  return i;
}

/** PostgreSQL nests block comments, SQLite does not: count depth only for PostgreSQL. */
function skipBlockComment(input: string, start: number, engine: StorageEngine): number {
  let depth = 1;
  let i = start + 2;
  while (i < input.length) {
    const pair = input.slice(i, i + 2);
    if (pair === '*/') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
      continue;
    }
    if (pair === '/*' && engine === 'postgres') {
      depth += 1;
      i += 2;
      continue;
    }
    checkControlCharacter(input.charAt(i), i);
    i += 1;
  }
  return refuse(`the comment starting at position ${start} is never closed`);
}

/**
 * Both engines escape a quote by doubling it and neither treats a backslash as an escape
 * in these tokens, but node-sql-parser does: a backslash inside quotes would let the two
 * disagree on where the token ends, so it is refused.
 */
function findQuoteEnd(input: string, start: number, quote: string, what: string, engine: StorageEngine): number {
  let i = start + 1;
  while (i < input.length) {
    const char = input.charAt(i);
    if (char === quote) {
      if (input.charAt(i + 1) === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    if (char === '\\') {
      const backslash = engine === 'postgres' ? 'chr(92)' : 'char(92)';
      refuse(`backslashes are not allowed in a ${what} (position ${i}); for a literal backslash use ${backslash}`);
    }
    checkControlCharacter(char, i);
    i += 1;
  }
  return refuse(`the ${what} starting at position ${start} is never closed`);
}
