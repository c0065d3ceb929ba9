/**
 * KV list metadata is capped at 1,024 bytes of serialised JSON (developers.cloudflare.com/kv/
 * platform/limits), counted in UTF-8 bytes: a CJK headline takes three bytes a character, so a
 * cap in characters lets a write fail. Long text fields are cut to fit, at a character boundary.
 */
export const MAX_METADATA_BYTES = 1024;

const encoder = new TextEncoder();
export const utf8Bytes = (text: string) => encoder.encode(text).length;

/** `text` cut to at most `maxBytes` UTF-8 bytes, never inside a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  let cut = Math.max(0, maxBytes);
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return new TextDecoder().decode(bytes.subarray(0, cut));
}

/**
 * The metadata with its `fields` (strings) cut, longest first, until its JSON fits in
 * MAX_METADATA_BYTES. Other fields are left as they are: keep them short.
 */
export function fitMetadata<T extends object>(metadata: T, fields: (keyof T)[]): T {
  const fitted = { ...metadata };
  for (let round = 0; round < 2 * fields.length + 2; round++) {
    const over = utf8Bytes(JSON.stringify(fitted)) - MAX_METADATA_BYTES;
    if (over <= 0) return fitted;
    const longest = fields
      .filter((field) => typeof fitted[field] === 'string')
      .sort((a, b) => utf8Bytes(fitted[b] as string) - utf8Bytes(fitted[a] as string))[0];
    if (longest === undefined) break;
    const text = fitted[longest] as string;
    // JSON escapes can take more bytes than the text: cut a little more than the excess.
    (fitted as Record<keyof T, unknown>)[longest] = truncateUtf8(text, utf8Bytes(text) - over - 8);
  }
  if (utf8Bytes(JSON.stringify(fitted)) > MAX_METADATA_BYTES) throw new Error('list metadata does not fit in 1,024 bytes');
  return fitted;
}
