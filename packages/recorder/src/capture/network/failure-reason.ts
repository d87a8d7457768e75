/**
 * Why a fetch failed, in the replay's words: `aborted`, `timeout`, `network error`, or the
 * error's own message. The signal is asked first: `controller.abort(reason)` rejects with
 * `reason` itself, which may be any value.
 */
export function describeFetchFailure(error: unknown, signal?: AbortSignal | null): string {
  if (signal?.aborted) return isTimeout(signal.reason) ? 'timeout' : 'aborted';
  if (isTimeout(error)) return 'timeout';
  const name = errorName(error);
  if (name === 'AbortError') return 'aborted';
  // browsers word it differently ("Failed to fetch", "Load failed", "NetworkError when…") but always as a TypeError
  if (name === 'TypeError') return 'network error';
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

function isTimeout(value: unknown): boolean {
  return errorName(value) === 'TimeoutError';
}

function errorName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    const name = (value as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
