/** Whether the API asked for credentials: any 401 flips it, and the app shows the sign-in screen. */
export interface AuthState {
  needsSignIn(): boolean;
  requireSignIn(): void;
  subscribe(listener: () => void): () => void;
}

export function createAuthState(): AuthState {
  let needed = false;
  const listeners = new Set<() => void>();
  return {
    needsSignIn: () => needed,
    requireSignIn() {
      if (needed) return;
      needed = true;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
