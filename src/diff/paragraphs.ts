/**
 * Paragraph matching: which paragraphs of the old text reappear unchanged in the new one, in
 * order. These anchors cut the work into small gaps that get a word diff each. First a Myers
 * diff over interned paragraphs (bounded); past the bound, patience-style anchors: paragraphs
 * that occur exactly once on each side, kept in order by a longest increasing subsequence.
 */
import { myersDiff } from './myers';
import { Interner } from './tokens';

export const SEPARATOR = '\n\n';

/** Above this many paragraphs on a side, the text is not paragraph-shaped: no anchors. */
export const MAX_PARAGRAPHS = 50_000;

/** Splits text into paragraphs; joining them with SEPARATOR gives the text back. */
export function splitParagraphs(text: string): string[] {
  return text.split(SEPARATOR);
}

/** Start offset of each paragraph in the text it was split from. */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts = new Array<number>(paragraphs.length);
  let at = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    starts[i] = at;
    at += paragraphs[i].length + SEPARATOR.length;
  }
  return starts;
}

/** Pairs [oldIndex, newIndex] of equal paragraphs, increasing in both indexes. */
export function matchParagraphs(oldParagraphs: readonly string[], newParagraphs: readonly string[], maxEditLength: number): Array<[number, number]> {
  if (oldParagraphs.length > MAX_PARAGRAPHS || newParagraphs.length > MAX_PARAGRAPHS) return [];
  const interner = new Interner();
  const oldIds = interner.idsOf(oldParagraphs);
  const newIds = interner.idsOf(newParagraphs);
  // Old paragraphs got the first ids: a new one with a higher id appears nowhere in the old text.
  // When none is shared there is nothing to anchor on (a rewrite, or every paragraph edited).
  const oldDistinct = interner.size;
  if (!newIds.some((id) => id < oldDistinct)) return [];
  const parts = myersDiff(oldIds, newIds, maxEditLength);
  if (!parts) return uniqueAnchors(oldIds, newIds);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const part of parts) {
    if (part.op === 'insert') j += part.count;
    else if (part.op === 'delete') i += part.count;
    else for (let k = 0; k < part.count; k++) pairs.push([i++, j++]);
  }
  return pairs;
}

/** Patience anchors: ids unique on both sides, longest run that keeps their order. */
function uniqueAnchors(oldIds: Int32Array, newIds: Int32Array): Array<[number, number]> {
  const oldAt = onlyPositions(oldIds);
  const newAt = onlyPositions(newIds);
  const candidates: Array<[number, number]> = [];
  for (const [id, i] of oldAt) {
    const j = newAt.get(id);
    if (j !== undefined) candidates.push([i, j]);
  }
  candidates.sort((a, b) => a[0] - b[0]);
  return longestIncreasing(candidates);
}

/** id -> its position, for ids that occur once; others map to -1 and are dropped. */
function onlyPositions(ids: Int32Array): Map<number, number> {
  const at = new Map<number, number>();
  for (const [i, id] of ids.entries()) at.set(id, at.has(id) ? -1 : i);
  for (const [id, i] of at) if (i < 0) at.delete(id);
  return at;
}

/** Longest subsequence of pairs (sorted by [0]) that also increases in [1]; O(n log n). */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) out.push(pairs[k]);
  return out.reverse();
}
