/** The wire contract for session IDs (DESIGN.md): 8–128 characters of `[A-Za-z0-9._:-]`. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export function isValidSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value);
}
