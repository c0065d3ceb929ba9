/**
 * Word diff of two short texts: a Myers diff (jsdiff's algorithm, see myers.ts) over our own
 * tokens, interned to integers. Bounded: gives up (returns undefined) past `maxEditLength` token edits, so a
 * caller can fall back to something coarser. Never uses jsdiff's `timeout`: in Workers,
 * Date.now() does not advance during CPU work.
 */
import { commonPrefixLength, commonSuffixLength } from './affixes';
import { ChangeList } from './changes';
import { myersDiff } from './myers';
import { Interner, tokenize } from './tokens';
import type { DiffChange } from '../model/diff';

/** Past this many tokens on a side we do not even try a word diff. */
export const MAX_WORD_DIFF_TOKENS = 100_000;
/** Nor past this many characters, checked before tokenizing (about 35,000 words). */
export const MAX_WORD_DIFF_CHARS = 200_000;

export interface WordDiff {
  changes: DiffChange[];
  /** Token edits (inserted + deleted tokens) the diff needed. */
  edits: number;
}

/**
 * The word diff of `oldText` -> `newText`, or undefined beyond `maxEditLength` token edits. Each has
 * its own interner: one shared by a whole body grew large enough to make every lookup slower.
 */
export function diffWordsBounded(oldText: string, newText: string, maxEditLength: number): WordDiff | undefined {
  const prefix = commonPrefixLength(oldText, newText);
  const suffix = commonSuffixLength(oldText, newText, prefix);
  const oldMiddle = oldText.slice(prefix, oldText.length - suffix);
  const newMiddle = newText.slice(prefix, newText.length - suffix);
  const head: DiffChange[] = prefix ? [{ op: 'equal', text: oldText.slice(0, prefix) }] : [];
  const tail: DiffChange[] = suffix ? [{ op: 'equal', text: oldText.slice(oldText.length - suffix) }] : [];

  if (oldMiddle === '' || newMiddle === '') {
    const changes = [...head];
    if (oldMiddle) changes.push({ op: 'delete', text: oldMiddle });
    if (newMiddle) changes.push({ op: 'insert', text: newMiddle });
    return { changes: [...changes, ...tail], edits: oldMiddle ? 1 : newMiddle ? 1 : 0 };
  }
  if (maxEditLength < 1 || oldMiddle.length > MAX_WORD_DIFF_CHARS || newMiddle.length > MAX_WORD_DIFF_CHARS) return undefined;
  const oldWords = spacedWords(oldMiddle);
  const newWords = spacedWords(newMiddle);
  if (oldWords.words.length > MAX_WORD_DIFF_TOKENS || newWords.words.length > MAX_WORD_DIFF_TOKENS) return undefined;

  const interner = new Interner();
  const result = myersDiff(interner.idsOf(oldWords.words), interner.idsOf(newWords.words), maxEditLength);
  if (!result) return undefined;

  const list = new ChangeList();
  list.addAll(head);
  pairSpaces(list, oldWords.lead, newWords.lead);
  let edits = 0;
  let oldPos = 0;
  let newPos = 0;
  for (let r = 0; r < result.length; ) {
    const part = result[r];
    if (part.op === 'equal') {
      // Equal words with the same spaces after them are one slice of the old text.
      const end = oldPos + part.count;
      while (oldPos < end) {
        let same = oldPos;
        while (same < end && oldWords.spaces[same] === newWords.spaces[newPos + same - oldPos]) same++;
        if (same > oldPos) {
          list.equal(oldWords.through(oldPos, same));
          newPos += same - oldPos;
          oldPos = same;
        }
        if (oldPos < end) {
          list.equal(oldWords.words[oldPos]);
          pairSpaces(list, oldWords.spaces[oldPos], newWords.spaces[newPos]);
          oldPos++;
          newPos++;
        }
      }
      r++;
      continue;
    }
    // One group of edits between two equal runs: words out, words in, then the space after.
    const oldFrom = oldPos;
    const newFrom = newPos;
    for (; r < result.length && result[r].op !== 'equal'; r++) {
      if (result[r].op === 'delete') oldPos += result[r].count;
      else newPos += result[r].count;
    }
    edits += oldPos - oldFrom + newPos - newFrom;
    list.add('delete', oldWords.slice(oldFrom, oldPos));
    list.add('insert', newWords.slice(newFrom, newPos));
    const oldSpace = oldPos > oldFrom ? oldWords.spaces[oldPos - 1] : undefined;
    const newSpace = newPos > newFrom ? newWords.spaces[newPos - 1] : undefined;
    if (oldSpace !== undefined && newSpace !== undefined) pairSpaces(list, oldSpace, newSpace);
    else if (oldSpace !== undefined) list.add('delete', oldSpace);
    else if (newSpace !== undefined) list.add('insert', newSpace);
  }
  list.addAll(tail);
  return { changes: list.entries(), edits };
}

/**
 * A text as its non-space tokens, each with the whitespace after it. The diff compares only the
 * tokens, so spaces never anchor a match and the edit count is in words and punctuation.
 */
class SpacedWords {
  readonly words: string[] = [];
  readonly spaces: string[] = [];
  /** Where each word starts in `text`. */
  readonly starts: number[] = [];
  lead = '';

  constructor(readonly text: string) {}

  /** Tokens from..to with the whitespace between them (not the whitespace after the last). */
  slice(from: number, to: number): string {
    return from < to ? this.text.slice(this.starts[from], this.starts[to - 1] + this.words[to - 1].length) : '';
  }

  /** Tokens from..to with the whitespace after each, the last's included. */
  through(from: number, to: number): string {
    return this.text.slice(this.starts[from], this.starts[to - 1] + this.words[to - 1].length + this.spaces[to - 1].length);
  }
}

function spacedWords(text: string): SpacedWords {
  const out = new SpacedWords(text);
  let at = 0;
  for (const token of tokenize(text)) {
    if (!isSpaceToken(token)) {
      out.words.push(token);
      out.spaces.push('');
      out.starts.push(at);
    } else if (out.words.length) out.spaces[out.spaces.length - 1] = token;
    else out.lead = token;
    at += token.length;
  }
  return out;
}

function isSpaceToken(token: string): boolean {
  const code = token.charCodeAt(0);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /^\s/.test(token);
}

/** Whitespace at the same place on both sides: equal when it is the same, else replaced. */
function pairSpaces(list: ChangeList, oldSpace: string, newSpace: string): void {
  if (oldSpace === newSpace) list.equal(oldSpace);
  else list.replace(oldSpace, newSpace);
}
