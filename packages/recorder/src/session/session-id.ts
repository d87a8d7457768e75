/** The subset of Web Crypto used here; `randomUUID` exists only in secure contexts. */
export interface CryptoSource {
  randomUUID?: () => string;
  getRandomValues?: (array: Uint8Array) => Uint8Array;
}

const SESSION_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The server's rule for a session ID (DESIGN.md): `[A-Za-z0-9._:-]{8,128}`. */
export function isValidSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value);
}

/**
 * A UUID v4. `crypto.randomUUID` needs a secure context, so plain-HTTP pages fall back to
 * `getRandomValues` (available everywhere), and a browser without Web Crypto to Math.random.
 */
export function createSessionId(crypto: CryptoSource | undefined = globalThis.crypto): string {
  if (typeof crypto?.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // some browsers expose it but throw outside a secure context
    }
  }
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(Math.random() * 256);
  }
  return formatUuidV4(bytes);
}

/** Sets the version (4) and variant (10xx) bits of 16 random bytes and formats them. */
export function formatUuidV4(bytes: Uint8Array): string {
  const octets = Array.from(bytes, (byte, index) => {
    if (index === 6) return (byte & 0x0f) | 0x40;
    if (index === 8) return (byte & 0x3f) | 0x80;
    return byte;
  });
  const hex = octets.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
