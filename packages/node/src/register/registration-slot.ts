import type { SightlineRegistration } from './sightline-registration.js';

// OTel keeps its own providers on globalThis; Sightline's registration is exactly as
// process-wide, so it lives beside them (Symbol.for: one slot for CJS and ESM copies)
const kRegistration = Symbol.for('@sightline/node.registration');

type Slot = { [kRegistration]?: SightlineRegistration };

export function readRegistration(): SightlineRegistration | undefined {
  return (globalThis as Slot)[kRegistration];
}

export function writeRegistration(registration: SightlineRegistration | undefined): void {
  if (registration === undefined) delete (globalThis as Slot)[kRegistration];
  else (globalThis as Slot)[kRegistration] = registration;
}
