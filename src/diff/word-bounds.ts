/**
 * Hunks that end inside a word grow to the whole word. The word diff compares letters and
 * punctuation as separate tokens, so "(Leitung);" -> "(Leitung)," is found as ";" -> ",". A
 * reader sees a word changed, and word counts, feed snippets and the changed-word measure of a
 * diff count words as text between spaces. So a hunk that cuts a word takes in the rest of it on
 * both sides up to the spaces, less the punctuation at the word's outer ends: "12:44" -> "9:14"
 * is one word, and "Rybakov," -> "Ryabkov," stays Rybakov -> Ryabkov. A hunk of punctuation alone
 * takes the whole space-delimited word (";" -> "," shows as "(Leitung);" -> "(Leitung),").
 * A space taken out or put in between two words shows as those words joined or split. Scripts
 * written without spaces (Han, kana, Thai...) have no such words; there a hunk stays at the
 * segmenter's word boundaries (see tokens.ts).
 */
import { changesOf, hunksOf } from './changes';
import type { DiffChange } from '../model/diff';
import { codeBefore, isLetterCode, isWordStopCode, unitsOf } from './char-class';

/** A fragment longer than this is not a word (a long URL, a code line): left where the diff put it. */
const MAX_FRAGMENT = 200;

export function toWordBounds(changes: readonly DiffChange[]): DiffChange[] {
  if (!changes.some((c) => c.op !== 'equal')) return changes as DiffChange[];
  // Hunk h sits between equals[h] and equals[h + 1] (the last hunk may be empty).
  const { equals, deletes, inserts } = hunksOf(changes);
  let grown = false;
  for (let h = 0; h < deletes.length; h++) {
    const del = deletes[h];
    const ins = inserts[h];
    if (del === '' && ins === '') continue;
    const before = equals[h];
    const after = equals[h + 1] ?? '';
    const wordBefore = before !== '' && !isWordStopCode(codeBefore(before, before.length));
    const wordAfter = after !== '' && !isWordStopCode(after.codePointAt(0) as number);
    // Most hunks sit between spaces: nothing to do.
    if (!wordBefore && !wordAfter) continue;
    if (wordBefore && wordAfter && joinsOrSplits(del, ins)) {
      // A space taken out or put in between two words ("Arzt, Corinna" -> "Arzt,Corinna") is
      // all but invisible as a hunk of its own: it shows as the words it joins or splits.
      const cut = fragmentStart(before);
      const end = fragmentEnd(after);
      if (cut >= 0 && end > 0) {
        const head = before.slice(cut);
        const tail = after.slice(0, end);
        grown = true;
        equals[h] = before.slice(0, cut);
        equals[h + 1] = after.slice(end);
        deletes[h] = head + del + tail;
        inserts[h] = head + ins + tail;
      }
      continue;
    }
    const hasLetters = hasLetter(del) || hasLetter(ins);
    const startsInWord = (del !== '' && joins(del.codePointAt(0) as number, hasLetters)) || (ins !== '' && joins(ins.codePointAt(0) as number, hasLetters));
    if (startsInWord && wordBefore) {
      let cut = fragmentStart(before);
      // A word's opening punctuation ("(", a quote) stays outside a hunk of letters.
      while (hasLetters && cut >= 0 && cut < before.length && !isLetterCode(before.codePointAt(cut) as number))
        cut += unitsOf(before.codePointAt(cut) as number);
      if (cut >= 0 && cut < before.length) {
        const fragment = before.slice(cut);
        grown = true;
        equals[h] = before.slice(0, cut);
        deletes[h] = fragment + deletes[h];
        inserts[h] = fragment + inserts[h];
      }
    }
    const endsInWord = (deletes[h] !== '' && joins(lastCode(deletes[h]), hasLetters)) || (inserts[h] !== '' && joins(lastCode(inserts[h]), hasLetters));
    if (endsInWord && wordAfter) {
      let cut = fragmentEnd(after);
      // And so does its closing punctuation (a comma, a full stop, a bracket), unless the next
      // hunk follows it inside the same word ("12:44" -> "9:14": one word, not two).
      const joinsNext = cut === after.length && h + 1 < deletes.length && (deletes[h + 1] !== '' || inserts[h + 1] !== '');
      while (hasLetters && !joinsNext && cut > 0 && !isLetterCode(codeBefore(after, cut))) cut -= unitsOf(codeBefore(after, cut));
      if (cut > 0) {
        const fragment = after.slice(0, cut);
        grown = true;
        equals[h + 1] = after.slice(cut);
        deletes[h] += fragment;
        inserts[h] += fragment;
      }
    }
  }
  if (!grown) return changes as DiffChange[];
  return changesOf({ equals, deletes, inserts });
}

/** One side is a space within a line and the other nothing: two words joined, or one split. */
function joinsOrSplits(del: string, ins: string): boolean {
  const space = del === '' ? ins : ins === '' ? del : '';
  return space !== '' && /^[^\S\n]+$/.test(space);
}

/** A hunk of letters joins a word through a letter at its edge; one of punctuation through any mark. */
function joins(code: number, hasLetters: boolean): boolean {
  return !isWordStopCode(code) && (!hasLetters || isLetterCode(code));
}

const lastCode = (text: string) => codeBefore(text, text.length);

function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 ? isLetterCode(code) : isLetterCode(text.codePointAt(i) as number)) return true;
  }
  return false;
}

/** Where the word fragment at the end of `text` starts, or -1 when it is too long to be a word. */
function fragmentStart(text: string): number {
  let i = text.length;
  while (i > 0 && text.length - i <= MAX_FRAGMENT) {
    const code = codeBefore(text, i);
    if (isWordStopCode(code)) return i;
    i -= unitsOf(code);
  }
  return i === 0 ? 0 : -1;
}

/** Where the word fragment at the start of `text` ends, or -1 when it is too long to be a word. */
function fragmentEnd(text: string): number {
  let i = 0;
  while (i < text.length && i <= MAX_FRAGMENT) {
    const code = text.codePointAt(i) as number;
    if (isWordStopCode(code)) return i;
    i += unitsOf(code);
  }
  return i === text.length ? i : -1;
}
