import { registerSightline } from './register-sightline.js';
import type { SightlineRegistration } from './sightline-registration.js';

/**
 * What the `@sightline/node/register` preload does: `registerSightline()` configured by
 * SIGHTLINE_ENDPOINT, SIGHTLINE_INGEST_KEY and OTEL_SERVICE_NAME, flushing what is
 * buffered when the process runs out of work.
 */
export function registerSightlineFromEnv(): SightlineRegistration {
  const registration = registerSightline();
  process.once('beforeExit', () => {
    void registration.shutdown();
  });
  return registration;
}
