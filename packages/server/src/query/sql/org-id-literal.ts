import { SightlineError } from '../../errors.js';

/** The org id a view filters on; anything but a positive safe integer is a caller's bug. */
export function checkOrgId(orgId: number): number {
  if (!Number.isSafeInteger(orgId) || orgId < 1) {
    throw new SightlineError('internal', `org id must be a positive integer (actual: ${String(orgId)})`);
  }
  return orgId;
}

/**
 * The org id as SQL text, for SQLite's view bodies (they run in a worker that takes plain
 * SQL): safe because it is a number we checked, never text from a request.
 */
export function toOrgIdLiteral(orgId: number): string {
  return String(checkOrgId(orgId));
}
