/**
 * What one character is to the diff's word boundaries, decided from its code point with an ASCII
 * fast path (these run once or more per hunk, and a long diff has thousands of hunks).
 */

const SPACE_RE = /\s/u;
const LETTER_RE = /[\p{L}\p{N}\p{M}]/u;
/** Letters of scripts written without spaces, and their punctuation (CJK symbols, full-width forms). */
const SPACELESS_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\uff00-\uff65]/u;

export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE_RE.test(String.fromCodePoint(code));
}

export function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_RE.test(String.fromCodePoint(code));
}

/** A letter of a script written without spaces (Han, Kana, Thai…) or its punctuation. */
export function isSpacelessCode(code: number): boolean {
  return code >= 0x0e00 && SPACELESS_RE.test(String.fromCodePoint(code));
}

/** Whitespace, or a letter of a script without spaces: where a space-delimited word ends. */
export function isWordStopCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  const c = String.fromCodePoint(code);
  return SPACE_RE.test(c) || SPACELESS_RE.test(c);
}

/** The code point that ends `text` before index `end`, and its length in UTF-16 units. */
export function codeBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(end - 2) as number;
  }
  return low;
}

export const unitsOf = (code: number) => (code > 0xffff ? 2 : 1);
