/**
 * A duration the way engineers read it: `0.4 ms`, `38 ms`, `1.24 s`, `4m 05s`, `1h 02m`.
 * @example formatDuration(62010) // '1m 02s'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1_000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  return `${minutes}m ${pad(seconds)}s`;
}

/**
 * A position on the replay clock: `1:05`, `12:30`, `1:02:03`; with `withMillis`, `1:05.042`.
 * Negative offsets (before the session start, like the document request of the first page
 * load) get a minus sign; under a second before the start they read `-0.3s`, because
 * `-0:00` says nothing and a request 50 ms early is, to a reader, at `0:00`.
 */
export function formatClock(ms: number, withMillis = false): string {
  if (!Number.isFinite(ms)) return '—';
  if (!withMillis && ms < 0 && ms > -1_000) return ms > -50 ? '0:00' : `-${(-ms / 1_000).toFixed(1)}s`;
  const sign = ms < 0 ? '-' : '';
  const absolute = Math.abs(ms);
  const totalSeconds = Math.floor(absolute / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  const base = hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
  const millis = withMillis ? `.${String(Math.floor(absolute % 1_000)).padStart(3, '0')}` : '';
  return `${sign}${base}${millis}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
