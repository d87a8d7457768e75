/** Palette slots for span bars (CSS classes `svc-0` … `svc-7`, readable in both themes). */
export const SERVICE_COLOR_SLOTS = 8;

/** A stable palette slot per service name, so a service keeps its colour across traces. */
export function serviceColorSlot(serviceName: string | null): number {
  if (!serviceName) return 0;
  let hash = 0;
  for (let index = 0; index < serviceName.length; index += 1) {
    hash = (hash * 31 + serviceName.charCodeAt(index)) >>> 0;
  }
  return hash % SERVICE_COLOR_SLOTS;
}
