/** The arguments of a `fetch` call. */
export type FetchArgs = Parameters<typeof fetch>;

/** The URL a fetch call targets, before resolution. */
export function fetchTargetUrl(input: FetchArgs[0]): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (isRequest(input)) return input.url;
  return String(input);
}

/** Duck-typed: a Request from another frame fails `instanceof`. */
export function isRequest(input: unknown): input is Request {
  return (
    typeof Request !== 'undefined' &&
    (input instanceof Request ||
      (typeof input === 'object' &&
        input !== null &&
        typeof (input as Request).url === 'string' &&
        typeof (input as Request).headers === 'object' &&
        typeof (input as Request).clone === 'function'))
  );
}
