export const REDACTED = '[redacted]';

/**
 * The URL as recorded: credentials and fragment dropped (the fragment never leaves the
 * browser and often holds OAuth tokens), and with `scrubQueryValues` every query value
 * replaced by `[redacted]` — keys stay, so `?q=[redacted]&page=[redacted]` still tells
 * which endpoint variant ran.
 */
export function scrubUrl(url: URL, scrubQueryValues: boolean): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  if (!scrubQueryValues || copy.search === '') return copy.href;
  const query = copy.search.slice(1).split('&').map(redactQueryValue).join('&');
  copy.search = '';
  return `${copy.href}?${query}`;
}

function redactQueryValue(part: string): string {
  const equals = part.indexOf('=');
  // `?flag` and `?key=` carry no value to hide
  if (equals === -1 || equals === part.length - 1) return part;
  return `${part.slice(0, equals + 1)}${REDACTED}`;
}
