/**
 * Tokens: what a word diff compares. A run of letters, digits and marks is one token (in scripts
 * written without spaces, each word Intl.Segmenter finds in it), a run of whitespace is one
 * token, and every other character (punctuation, symbols, NUL) is a token of its own, so
 * "Rybakov," and "Ryabkov," differ by one word, not by their comma.
 * Joining the tokens of a string always gives the string back.
 */

// Every code point matches one branch (lone surrogates included, under the `u` flag).
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;
const SPACE = /\s/;
/** Scripts written without spaces between words: a run of their letters is many words. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const NON_SPACE_RUN = /\S+/g;

let segmenter: Intl.Segmenter | undefined;
/** ICU's word segmenter (dictionaries for Chinese, Japanese, Thai, Lao, Khmer, Burmese), made once. */
function words(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter;
}

/**
 * Splits text into tokens whose concatenation is exactly `text`. A run of letters in a script
 * written without spaces (周四宣布) is cut into its words by Intl.Segmenter, so 周四 -> 周三 is one
 * word changed, not the whole clause.
 */
export function tokenize(text: string): string[] {
  const tokens = text.match(TOKEN) ?? [];
  if (!SPACELESS.test(text)) return tokens;
  const out: string[] = [];
  for (const token of tokens) {
    if (token.length > 1 && SPACELESS.test(token)) for (const { segment } of words().segment(token)) out.push(segment);
    else out.push(token);
  }
  return out;
}

/**
 * Words as readers count them: runs of non-whitespace, and in scripts written without spaces the
 * words Intl.Segmenter finds (punctuation between them is no word).
 */
export function countWords(text: string): number {
  if (SPACELESS.test(text)) return countSpacelessWords(text);
  return countSpacedWords(text);
}

function countSpacelessWords(text: string): number {
  let count = 0;
  for (const run of text.match(NON_SPACE_RUN) ?? []) {
    if (!SPACELESS.test(run)) {
      count++;
      continue;
    }
    let found = 0;
    for (const segment of words().segment(run)) if (segment.isWordLike) found++;
    count += Math.max(1, found);
  }
  return count;
}

function countSpacedWords(text: string): number {
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

  /** How many distinct values have ids. */
  get size(): number {
    return this.ids.size;
  }

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
