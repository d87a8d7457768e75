/**
 * One cookie's value from a `Cookie` request header (`a=1; b=2`), percent-decoded as the
 * recorder encodes it; `undefined` when absent or undecodable. Only the first occurrence
 * counts, as browsers send the most specific cookie first.
 */
export function readCookie(header: string, name: string): string | undefined {
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
