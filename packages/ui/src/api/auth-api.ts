import type { ApiClient } from './api-client';
import { isApiError } from './api-error';

export type SignInResult = 'signed-in' | 'unsupported';

/**
 * `POST /api/auth/sign-in` with the admin token: the server answers with its HttpOnly,
 * SameSite=Strict session cookie. `unsupported` when the server has no such route yet
 * (404/405); a wrong token throws `ApiError` `unauthorized`.
 */
export async function signIn(client: ApiClient, token: string): Promise<SignInResult> {
  try {
    await client.post('/api/auth/sign-in', { token });
    return 'signed-in';
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 405)) return 'unsupported';
    throw error;
  }
}

/**
 * For a server without cookie sign-in: keeps the token as a bearer token for this tab,
 * after checking the API accepts it. A wrong token is forgotten and throws `unauthorized`.
 */
export async function adoptBearerToken(
  client: ApiClient,
  token: string,
  tokens: { write(token: string): void; clear(): void },
): Promise<void> {
  tokens.write(token);
  try {
    await client.getJson('/api/sessions', { query: { limit: 1 } });
  } catch (error) {
    tokens.clear();
    throw error;
  }
}

/** `POST /api/auth/sign-out`: the server forgets the UI session and clears its cookie. Never throws. */
export async function signOut(client: ApiClient): Promise<void> {
  try {
    await client.post('/api/auth/sign-out', {});
  } catch {
    // signed out already, or the server is gone: the sign-in page comes next either way
  }
}
