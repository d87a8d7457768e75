import { SightlineError } from '../../errors.js';

/**
 * Keyset-paging cursors: the sort key of the last row of a page, opaque to clients
 * (base64url JSON). Keyset rather than OFFSET so paging stays fast and stable while
 * new rows arrive.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new SightlineError('bad_request', `invalid cursor '${cursor}': pass back a nextCursor from a previous page`, {
      cause: error,
    });
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((part, i) => typeof part !== shape[i])) {
    throw new SightlineError('bad_request', `invalid cursor '${cursor}': pass back a nextCursor from a previous page`);
  }
  return key as (string | number)[];
}
