/**
 * Where the admin token lives when the server has no cookie sign-in (`POST /api/auth/sign-in`
 * answered 404): this tab's sessionStorage, sent as `Authorization: Bearer`. With the
 * cookie sign-in the token never touches script-readable storage.
 */
export interface BearerTokenStore {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

export const BEARER_TOKEN_STORAGE_KEY = 'sightline.adminToken';

export function createBearerTokenStore(storage: Storage | undefined): BearerTokenStore {
  return {
    read() {
      try {
        return storage?.getItem(BEARER_TOKEN_STORAGE_KEY) ?? null;
      } catch {
        return null;
      }
    },
    write(token) {
      try {
        storage?.setItem(BEARER_TOKEN_STORAGE_KEY, token);
      } catch {
        // without storage the token cannot outlive the reload: the sign-in screen comes back
      }
    },
    clear() {
      try {
        storage?.removeItem(BEARER_TOKEN_STORAGE_KEY);
      } catch {
        // nothing stored
      }
    },
  };
}
