import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { LocationStore } from '../routing/browser-location';
import type { AuthState } from './auth-state';

/** What every view reaches for, created once in `main.tsx` (no module-level singletons). */
export interface AppServices {
  client: ApiClient;
  location: LocationStore;
  auth: AuthState;
  /** The origin the app is served from: recorded URLs on its host are never fetched by a replay. */
  viewerOrigin: string;
  /** A full page load (after signing in or out, so every view starts with the new credentials). */
  loadPage(href: string): void;
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider(props: { services: AppServices; children: ComponentChildren }) {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesProvider> above it');
  return services;
}
