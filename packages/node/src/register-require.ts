/**
 * `node --require @sightline/node/register app.js`: for CommonJS apps, whose `require`s
 * the instrumentations patch without a loader hook. `registerSightline()` from the
 * environment (SIGHTLINE_ENDPOINT, SIGHTLINE_INGEST_KEY, OTEL_SERVICE_NAME).
 */
import { registerSightlineFromEnv } from './register/register-from-env.js';

registerSightlineFromEnv();
