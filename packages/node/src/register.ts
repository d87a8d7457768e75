/**
 * `node --import @sightline/node/register app.js`: for ESM apps, whose `import`s the
 * instrumentations can only patch through a module loader hook registered before the
 * app loads. Registers that hook, then `registerSightline()` from the environment
 * (SIGHTLINE_ENDPOINT, SIGHTLINE_INGEST_KEY, OTEL_SERVICE_NAME).
 */
import { register } from 'node:module';
import { registerSightlineFromEnv } from './register/register-from-env.js';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
registerSightlineFromEnv();
