/** `Mar 3, 14:05:22` in the viewer's time zone; the year only when it is not this year. */
export function formatDateTime(epochMs: number, now: number = Date.now()): string {
  if (!Number.isFinite(epochMs)) return '—';
  const date = new Date(epochMs);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

/** The value of an `<input type="datetime-local">` for a Unix ms time, in the viewer's time zone. */
export function toDateTimeLocalValue(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Unix ms from an `<input type="datetime-local">` value, or undefined when empty or invalid. */
export function fromDateTimeLocalValue(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? time : undefined;
}
