import { ApiError, codeForStatus, readErrorMessage } from './api-error';

/** The `fetch` the client calls: the browser's by default, a fake in tests. */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** @default globalThis.fetch */
  fetch?: FetchFunction;
  /**
   * Prefix of every API path.
   * @default '' (same origin)
   */
  baseUrl?: string;
  /** Called once per 401 answer, so the app can show its sign-in screen. */
  onUnauthorized?: () => void;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal | undefined;
}

export interface ApiClient {
  /** GETs JSON; throws `ApiError` on a non-2xx answer, a network failure or a body that is not JSON. */
  getJson<T>(path: string, options?: RequestOptions): Promise<T>;
  /** GETs and returns the raw response once its status is 2xx (for headers or streaming). */
  get(path: string, options?: RequestOptions): Promise<Response>;
  /** POSTs JSON with the CSRF header the server requires on every non-GET call; resolves once the status is 2xx. */
  post(path: string, body: unknown, options?: RequestOptions): Promise<Response>;
  /** `post`, then the answer's JSON. */
  postJson<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
}

/** Header the server requires on every state-changing call: a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-sightline-csrf';

/**
 * Typed access to the query API: same-origin cookies, the CSRF header, errors as `ApiError`.
 * The HttpOnly session cookie is the only credential: no token is ever held where a script
 * could read it.
 * @example const client = createApiClient({ onUnauthorized: () => showSignIn() });
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetchFn: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  async function send(method: 'GET' | 'POST', path: string, body: unknown, request: RequestOptions): Promise<Response> {
    // sent on reads too: the server may then refuse cookie-authenticated requests without it (images, stylesheets)
    const headers: Record<string, string> = { accept: 'application/json', [CSRF_HEADER]: '1' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchFn(baseUrl + withQuery(path, request.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? null : JSON.stringify(body),
        signal: request.signal ?? null,
      });
    } catch (error) {
      if (request.signal?.aborted) throw new ApiError('aborted', 'the request was cancelled', { cause: error });
      throw new ApiError('network_error', `could not reach the server (${describe(error)})`, { cause: error });
    }
    if (response.ok) return response;
    const errorBody: unknown = await response.json().catch(() => undefined);
    if (response.status === 401) options.onUnauthorized?.();
    throw new ApiError(codeForStatus(response.status), readErrorMessage(errorBody, response.status), {
      status: response.status,
    });
  }

  async function readJson<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new ApiError('invalid_response', `the server sent a body that is not JSON (${describe(error)})`, {
        status: response.status,
        cause: error,
      });
    }
  }

  return {
    get: (path, request = {}) => send('GET', path, undefined, request),
    getJson: async (path, request = {}) => readJson(await send('GET', path, undefined, request)),
    post: (path, body, request = {}) => send('POST', path, body, request),
    postJson: async (path, body, request = {}) => readJson(await send('POST', path, body, request)),
  };
}

/** Appends the defined, non-empty values as a query string. */
export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${search}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
