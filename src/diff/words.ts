/**
 * Word diff of two short texts: jsdiff's Myers diff (diffArrays) over our own tokens, interned
 * to integers. Bounded: gives up (returns undefined) past `maxEditLength` token edits, so a
 * caller can fall back to something coarser. Never uses jsdiff's `timeout`: in Workers,
 * Date.now() does not advance during CPU work.
 */
import { diffArrays } from 'diff';
import { commonPrefixLength, commonSuffixLength } from './affixes';
import { Interner, tokenize } from './tokens';
import type { DiffChange } from './types';

/** Past this many tokens on a side we do not even try a word diff. */
export const MAX_WORD_DIFF_TOKENS = 200_000;

export interface WordDiff {
  changes: DiffChange[];
  /** Token edits (inserted + deleted tokens) the diff needed. */
  edits: number;
}

/** The word diff of `oldText` -> `newText`, or undefined beyond `maxEditLength` token edits. */
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
  if (maxEditLength < 1) return undefined;
  const oldTokens = tokenize(oldMiddle);
  const newTokens = tokenize(newMiddle);
  if (oldTokens.length > MAX_WORD_DIFF_TOKENS || newTokens.length > MAX_WORD_DIFF_TOKENS) return undefined;

  const interner = new Interner();
  const result = diffArrays(interner.idsOf(oldTokens), interner.idsOf(newTokens), { maxEditLength });
  if (!result) return undefined;

  const changes = head;
  let edits = 0;
  let oldPos = 0;
  let newPos = 0;
  for (const part of result) {
    if (part.added) {
      changes.push({ op: 'insert', text: newTokens.slice(newPos, newPos + part.count).join('') });
      newPos += part.count;
      edits += part.count;
    } else if (part.removed) {
      changes.push({ op: 'delete', text: oldTokens.slice(oldPos, oldPos + part.count).join('') });
      oldPos += part.count;
      edits += part.count;
    } else {
      changes.push({ op: 'equal', text: oldTokens.slice(oldPos, oldPos + part.count).join('') });
      oldPos += part.count;
      newPos += part.count;
    }
  }
  return { changes: changes.concat(tail), edits };
}
