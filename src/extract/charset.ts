/**
 * Bytes -> string for an HTML page, as the WHATWG Encoding standard reads it: a byte order mark
 * decides first (UTF-8, UTF-16LE, UTF-16BE), then the HTTP header's charset, then a <meta> tag;
 * but bytes that are valid UTF-8 win over a meta tag that says otherwise (pages often lie there).
 * A page that declares nothing and is not UTF-8 is read as windows-1252, as browsers do.
 *
 * The check (workerd) and the CLI (Node) run this same code, so it must decode the same in both:
 * Node's TextDecoder reads windows-1252 (and the labels that mean it: iso-8859-1, latin1, ascii)
 * as ISO-8859-1, which turns ’ € – „ “ into invisible C1 controls. That one encoding is decoded here.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const bom = fromBom(bytes);
  if (bom !== null) return bom;
  const fromHeader = charsetFrom(contentType ?? '');
  if (fromHeader) {
    const decoded = tryDecode(bytes, fromHeader, false);
    if (decoded !== null) return decoded;
  }
  const strict = tryDecode(bytes, 'utf-8', true);
  if (strict !== null) return strict;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta = charsetFrom(head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i)?.[0] ?? '');
  return (fromMeta && tryDecode(bytes, fromMeta, false)) ?? decodeWindows1252(bytes);
}

/** The page decoded by its byte order mark (the mark itself left out), or null when it has none. */
function fromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Big-endian swapped to little-endian: every runtime has a UTF-16LE decoder.
    const swapped = new Uint8Array(bytes.length - 2 - (bytes.length % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3];
      swapped[i + 1] = bytes[i + 2];
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return null;
}

function charsetFrom(text: string): string | null {
  return text.match(/charset\s*=\s*["']?([\w-]+)/i)?.[1]?.toLowerCase() ?? null;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    const decoder = new TextDecoder(label, { fatal, ignoreBOM: false });
    return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** What windows-1252 maps 0x80-0x9F to (the rest of its bytes are the code point of the same number). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : b;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}
