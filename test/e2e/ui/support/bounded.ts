/**
 * `promise`, or a rejection saying what did not answer once `ms` have passed. For what a
 * page whose main thread is locked up would never settle (`page.evaluate`,
 * `keyboard.press`): a test on a frozen page then fails in `ms` instead of hanging the
 * run. The promise left behind is kept from becoming an unhandled rejection (it rejects
 * when the browser is closed).
 *
 * @example const now = await bounded(page.evaluate(() => performance.now()), 10_000, 'the page');
 */
export async function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  promise.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
