export const TRUNCATION_MARK = '…';

/** `text` cut to at most `maxLength` characters, the last one a mark, and whether it was cut. */
export function truncateText(text: string, maxLength: number): { text: string; truncated: boolean } {
  if (text.length <= maxLength) return { text, truncated: false };
  if (maxLength < 1) return { text: '', truncated: true };
  let end = maxLength - TRUNCATION_MARK.length;
  // never end on half a surrogate pair: it would serialize as an unpaired escape
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end) + TRUNCATION_MARK, truncated: true };
}

/** UTF-8 byte length, counted without allocating an encoded copy of a large body. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
