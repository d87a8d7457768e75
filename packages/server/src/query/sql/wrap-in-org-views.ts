/**
 * Puts the org's view CTEs in front of a validated query, so `traces`, `logs` and
 * `sessions` inside it resolve to org-filtered rows whatever the query says. No subquery
 * wrapper: the query stays the statement's top level, so its ORDER BY is the output order
 * on both engines. A query of its own WITH gets the views as its first CTEs (the
 * validator refuses WITH RECURSIVE, whose keyword would have to come first).
 */
export function wrapInOrgViews(sql: string, viewCtes: string): string {
  const leadingWith = /^\s*with\b/i.exec(sql);
  if (leadingWith) return `WITH ${viewCtes},\n${sql.slice(leadingWith[0].length)}`;
  return `WITH ${viewCtes}\n${sql}`;
}
