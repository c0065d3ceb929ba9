/**
 * Common prefix and suffix of two strings, cut only where neither string has a word (or a
 * surrogate pair) running across the cut: at either end, or beside whitespace. Linear in the
 * length the two strings share, with no tokenizing, so a one-word edit in a 10 MB text is cheap.
 */

/** Length of the shared prefix of `a` and `b`, cut at a word boundary of both. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  while (i > 0 && !(isCut(a, i) && isCut(b, i))) i--;
  return i;
}

/** Length of the shared suffix of `a` and `b` that leaves at least their first `keep` characters. */
export function commonSuffixLength(a: string, b: string, keep = 0): number {
  const limit = Math.min(a.length, b.length) - keep;
  let n = 0;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  while (n > 0 && !(isCut(a, a.length - n) && isCut(b, b.length - n))) n--;
  return n;
}

/** Whether cutting `s` before index `i` keeps every word whole. */
function isCut(s: string, i: number): boolean {
  return i === 0 || i === s.length || isSpace(s.charCodeAt(i - 1)) || isSpace(s.charCodeAt(i));
}

function isSpace(code: number): boolean {
  if (code === 32 || code === 10) return true;
  return (code <= 13 && code >= 9) || code === 0xa0 || (code > 0x1000 && /\s/.test(String.fromCharCode(code)));
}
