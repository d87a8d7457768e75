import { render } from 'preact';
import { createApiClient } from './api/api-client';
import { App } from './app/app';
import { type AppServices, ServicesProvider } from './app/app-services';
import { createAuthState } from './app/auth-state';
import { createBrowserLocation } from './routing/browser-location';
import { applyThemePreference, readStoredThemePreference } from './theme/apply-theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/panels.css';

function readLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

// before the first paint, so an explicit theme never flashes the other one
applyThemePreference(document.documentElement, readStoredThemePreference(readLocalStorage()));

const auth = createAuthState();
const services: AppServices = {
  client: createApiClient({ onUnauthorized: () => auth.requireSignIn() }),
  location: createBrowserLocation(window),
  auth,
  viewerOrigin: window.location.origin,
  loadPage: (href) => window.location.assign(href),
};

const root = document.getElementById('app');
if (root) {
  render(
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>,
    root,
  );
}
