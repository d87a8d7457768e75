import { SightlineError } from '../../errors.js';
import type { ReadOnlyQueryOptions } from '../../storage/store.js';

/**
 * The limits go into SQL text (`SET LOCAL statement_timeout = …`, `FETCH n`), so the
 * runners check them here rather than trust a caller.
 */
export function checkQueryLimits(options: ReadOnlyQueryOptions): ReadOnlyQueryOptions {
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new SightlineError('internal', `${name} must be a positive integer (actual: ${String(value)})`);
    }
  }
  return { timeoutMs: options.timeoutMs, maxRows: options.maxRows };
}
