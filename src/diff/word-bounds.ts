/**
 * Hunks that end inside a word grow to the whole word. The word diff compares letters and
 * punctuation as separate tokens, so "(Leitung);" -> "(Leitung)," is found as ";" -> ",". A
 * reader sees a word changed, and word counts, feed snippets and the changed-word measure of a
 * diff count words as text between spaces. So a hunk that cuts a word takes in the rest of it on
 * both sides up to the spaces, less the punctuation at the word's outer ends: "12:44" -> "9:14"
 * is one word, and "Rybakov," -> "Ryabkov," stays Rybakov -> Ryabkov. A hunk of punctuation alone
 * takes the whole space-delimited word (";" -> "," shows as "(Leitung);" -> "(Leitung),").
 * Scripts written without spaces (Han, kana, Thai...) have no such words; there a hunk stays at
 * the segmenter's word boundaries (see tokens.ts).
 */
import { ChangeList } from './changes';
import type { DiffChange } from './types';

/** Characters that end a word fragment: whitespace and letters of scripts without spaces, with their punctuation. */
const STOP =
  /[\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\uff00-\uff65]/u;
const LETTER = /[\p{L}\p{N}\p{M}]/u;
/** A fragment longer than this is not a word (a long URL, a code line): left where the diff put it. */
const MAX_FRAGMENT = 200;

export function toWordBounds(changes: readonly DiffChange[]): DiffChange[] {
  if (!changes.some((c) => c.op !== 'equal')) return [...changes];
  // Work on [equal, delete, insert] triples: hunks between equal runs.
  const equals: string[] = [];
  const deletes: string[] = [];
  const inserts: string[] = [];
  let k = 0;
  while (k < changes.length) {
    let equal = '';
    while (k < changes.length && changes[k].op === 'equal') equal += changes[k++].text;
    equals.push(equal);
    let del = '';
    let ins = '';
    while (k < changes.length && changes[k].op !== 'equal') {
      if (changes[k].op === 'delete') del += changes[k].text;
      else ins += changes[k].text;
      k++;
    }
    deletes.push(del);
    inserts.push(ins);
  }
  // Hunk h sits between equals[h] and equals[h + 1] (the last hunk may be empty).
  for (let h = 0; h < deletes.length; h++) {
    if (deletes[h] === '' && inserts[h] === '') continue;
    const hasLetters = LETTER.test(deletes[h]) || LETTER.test(inserts[h]);
    const inWord = (c: string) => !STOP.test(c);
    const before = equals[h];
    const edge = (c: string) => (hasLetters ? LETTER.test(c) : inWord(c));
    const startsInWord = [deletes[h], inserts[h]].some((t) => t !== '' && edge(firstChar(t)));
    if (startsInWord && before !== '' && inWord(lastChar(before))) {
      let cut = fragmentStart(before, inWord);
      // A word's opening punctuation ("(", a quote) stays outside a hunk of letters.
      while (hasLetters && cut >= 0 && cut < before.length && !LETTER.test(firstChar(before.slice(cut)))) cut += firstChar(before.slice(cut)).length;
      if (cut >= 0) {
        const fragment = before.slice(cut);
        equals[h] = before.slice(0, cut);
        deletes[h] = fragment + deletes[h];
        inserts[h] = fragment + inserts[h];
      }
    }
    const after = equals[h + 1] ?? '';
    const endsInWord = [deletes[h], inserts[h]].some((t) => t !== '' && edge(lastChar(t)));
    if (endsInWord && after !== '' && inWord(firstChar(after))) {
      let cut = fragmentEnd(after, inWord);
      // And so does its closing punctuation (a comma, a full stop, a bracket), unless the next
      // hunk follows it inside the same word ("12:44" -> "9:14": one word, not two).
      const joinsNext = cut === after.length && h + 1 < deletes.length && (deletes[h + 1] !== '' || inserts[h + 1] !== '');
      while (hasLetters && !joinsNext && cut > 0 && !LETTER.test(lastChar(after.slice(0, cut)))) cut -= lastChar(after.slice(0, cut)).length;
      if (cut >= 0) {
        const fragment = after.slice(0, cut);
        equals[h + 1] = after.slice(cut);
        deletes[h] += fragment;
        inserts[h] += fragment;
      }
    }
  }
  const list = new ChangeList();
  for (let h = 0; h < equals.length; h++) {
    list.equal(equals[h]);
    if (h < deletes.length) list.replace(deletes[h], inserts[h]);
  }
  return list.finish();
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0)!);
}

function lastChar(text: string): string {
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
}

/** Where the word fragment at the end of `text` starts, or -1 when it is too long to be a word. */
function fragmentStart(text: string, inWord: (c: string) => boolean): number {
  let i = text.length;
  while (i > 0 && text.length - i <= MAX_FRAGMENT) {
    const c = lastChar(text.slice(0, i));
    if (!inWord(c)) return i;
    i -= c.length;
  }
  return i === 0 ? 0 : -1;
}

/** Where the word fragment at the start of `text` ends, or -1 when it is too long to be a word. */
function fragmentEnd(text: string, inWord: (c: string) => boolean): number {
  let i = 0;
  while (i < text.length && i <= MAX_FRAGMENT) {
    const c = firstChar(text.slice(i));
    if (!inWord(c)) return i;
    i += c.length;
  }
  return i === text.length ? i : -1;
}
