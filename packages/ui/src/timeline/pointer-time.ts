/** The time under a pointer at `clientX` on a track spanning `left`…`left + width`, clamped to the track. */
export function timeAtPointer(clientX: number, left: number, width: number, durationMs: number): number {
  if (width <= 0 || durationMs <= 0) return 0;
  const ratio = Math.min(1, Math.max(0, (clientX - left) / width));
  return ratio * durationMs;
}
