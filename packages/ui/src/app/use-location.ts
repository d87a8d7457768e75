import type { AppLocation } from '../routing/browser-location';
import { useServices } from './app-services';
import { useExternalState } from './use-external-state';

/** The current path and query; the component re-renders when they change. */
export function useLocation(): AppLocation {
  const { location } = useServices();
  return useExternalState(location.subscribe, location.get);
}
