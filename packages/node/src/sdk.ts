export { createDefaultInstrumentations } from './register/create-instrumentations.js';
export type {
  RegisterSightlineOptions,
  ResolvedRegisterSightlineOptions,
  SightlineEnvironment,
} from './register/register-options.js';
export { DEFAULT_SIGHTLINE_ENDPOINT, resolveRegisterSightlineOptions } from './register/register-options.js';
export { registerSightline } from './register/register-sightline.js';
export type { SightlineRegistration } from './register/sightline-registration.js';
