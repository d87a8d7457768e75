import type { ApiClient } from './api-client';

/**
 * `POST /api/auth/sign-in` with the admin token: the server answers with its HttpOnly,
 * SameSite=Strict session cookie, and the token itself is forgotten (never kept in web
 * storage, where any script on the page could read it). A wrong token throws `ApiError`
 * `unauthorized`.
 */
export async function signIn(client: ApiClient, token: string): Promise<void> {
  await client.post('/api/auth/sign-in', { token });
}

/** `POST /api/auth/sign-out`: the server forgets the UI session and clears its cookie. Never throws. */
export async function signOut(client: ApiClient): Promise<void> {
  try {
    await client.post('/api/auth/sign-out', {});
  } catch {
    // signed out already, or the server is gone: the sign-in page comes next either way
  }
}
