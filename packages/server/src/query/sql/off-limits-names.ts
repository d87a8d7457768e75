/**
 * Identifier families that no query needs and that reach past the views: system catalogs,
 * server settings, large objects, extensions. Checked on the raw tokens, not the AST, so a
 * spot the AST walk does not know still cannot name them.
 */
const OFF_LIMITS_PREFIXES = ['pg_', 'sqlite_', 'pragma_', 'lo_', 'dblink', 'information_schema'];
const OFF_LIMITS_NAMES = new Set([
  'current_setting',
  'set_config',
  'query_to_xml',
  'load_extension',
  'readfile',
  'writefile',
  'fts3_tokenizer',
  // PostgreSQL's catalog types: `regclass 'spans'` is a typed literal the parser reads as an alias
  'regclass',
  'regproc',
  'regprocedure',
  'regoper',
  'regoperator',
  'regtype',
  'regrole',
  'regnamespace',
  'regconfig',
  'regdictionary',
  'regcollation',
]);
/** The one harmless member of an off-limits family. */
const ALLOWED_EXCEPTIONS = new Set(['pg_typeof']);

/** The first identifier that names something off limits, if any. */
export function findOffLimitsName(identifiers: readonly string[]): string | undefined {
  return identifiers.find((identifier) => {
    const name = identifier.toLowerCase();
    if (ALLOWED_EXCEPTIONS.has(name)) return false;
    return OFF_LIMITS_NAMES.has(name) || OFF_LIMITS_PREFIXES.some((prefix) => name.startsWith(prefix));
  });
}
