/**
 * Tokens: what a word diff compares. A run of letters, digits and marks is one token, a run of
 * whitespace is one token, and every other character (punctuation, symbols, NUL) is a token of
 * its own, so "Rybakov," and "Ryabkov," differ by one word, not by their comma.
 * Joining the tokens of a string always gives the string back.
 */

// Every code point matches one branch (lone surrogates included, under the `u` flag).
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;
const SPACE = /\s/;

/** Splits text into tokens whose concatenation is exactly `text`. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Words as readers count them: runs of non-whitespace. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || (c <= 13 && c >= 9) || (c >= 0xa0 && SPACE.test(text[i]));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Gives equal strings the same small integer, so diffs compare numbers, not strings. */
export class Interner {
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }

  idsOf(values: readonly string[]): Int32Array {
    const ids = new Int32Array(values.length);
    for (let k = 0; k < values.length; k++) ids[k] = this.id(values[k]);
    return ids;
  }
}
