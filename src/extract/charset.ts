/**
 * Bytes -> string for an HTML page. The charset comes from the HTTP header, a BOM or a <meta> tag,
 * but bytes that are valid UTF-8 win over a meta tag that says otherwise (pages often lie there).
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const fromHeader = charsetFrom(contentType ?? '');
  if (fromHeader) {
    const decoded = tryDecode(bytes, fromHeader, false);
    if (decoded !== null) return decoded;
  }
  const strict = tryDecode(bytes, 'utf-8', true);
  if (strict !== null) return strict;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta = charsetFrom(head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i)?.[0] ?? '');
  return (fromMeta && tryDecode(bytes, fromMeta, false)) ?? new TextDecoder('windows-1252').decode(bytes);
}

function charsetFrom(text: string): string | null {
  return text.match(/charset\s*=\s*["']?([\w-]+)/i)?.[1]?.toLowerCase() ?? null;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
