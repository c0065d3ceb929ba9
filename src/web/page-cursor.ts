/**
 * The `cursor` of a paginated API list, the same on every list: the store's cursor with a short
 * check of which list issued it. A cursor no page of that list gave out is refused with one clear
 * 400, whatever the store would have done with it (Cloudflare's KV throws on most, the local one
 * starts the list wherever the garbage decodes to). The check is for mistakes, not a secret: a
 * forged cursor can only start a list of public records somewhere.
 */
export const CURSOR_MESSAGE = 'cursor is not valid: pass the cursor of the previous page as it was given';

/** FNV-1a, 32 bits, as 8 hex digits: short, and enough to tell a cursor from a mistake. */
function check(list: string, storeCursor: string): string {
  let hash = 0x811c9dc5;
  const text = `${list}\n${storeCursor}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The cursor a page of `list` gives out for the next one (null at the end of the list). */
export function issueCursor(list: string, storeCursor: string | null): string | null {
  return storeCursor === null ? null : `${storeCursor}.${check(list, storeCursor)}`;
}

/** The store's cursor inside `raw`: null when there is none (the first page), undefined when `list` never issued it. */
export function readCursor(list: string, raw: string | undefined): string | null | undefined {
  if (raw === undefined || raw === '') return null;
  const dot = raw.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const storeCursor = raw.slice(0, dot);
  return raw.slice(dot + 1) === check(list, storeCursor) ? storeCursor : undefined;
}
