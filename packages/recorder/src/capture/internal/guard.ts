/**
 * Wraps a callback we hand to the page (listener, observer, promise reaction) so that a
 * failure in our code goes to `report` instead of surfacing in the host app.
 */
export function guard<Args extends unknown[]>(
  report: (error: unknown) => void,
  callback: (...args: Args) => void,
): (...args: Args) => void {
  return (...args: Args) => {
    try {
      callback(...args);
    } catch (error) {
      reportSafely(report, error);
    }
  };
}

/** Calls `report`, swallowing what it throws: the error handler itself must not break the page. */
export function reportSafely(report: (error: unknown) => void, error: unknown): void {
  try {
    report(error);
  } catch {
    // nowhere left to send it
  }
}
