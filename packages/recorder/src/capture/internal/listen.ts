import { guard } from './guard.js';

/** Adds a guarded event listener and returns the function that removes it. */
export function listen<Event_ extends Event>(
  target: EventTarget,
  type: string,
  report: (error: unknown) => void,
  handler: (event: Event_) => void,
  options: AddEventListenerOptions = {},
): () => void {
  const listener = guard(report, (event: Event) => handler(event as Event_));
  target.addEventListener(type, listener, options);
  return () => target.removeEventListener(type, listener, options);
}
