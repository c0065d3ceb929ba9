/**
 * Body text diff, bounded. Shared head and tail are cut off by plain character comparison; the
 * middle is split into paragraphs, unchanged paragraphs are matched, and each run of changed
 * paragraphs between two matches (a "gap") gets a word diff. A gap too big for one word diff has
 * its paragraphs paired by similarity and diffed pair by pair; whatever stays beyond the bounds
 * reads as whole paragraphs deleted and inserted. A budget caps the total work of a call.
 */
import { alignParagraphs } from './align';
import { commonPrefixLength, commonSuffixLength } from './affixes';
import { ChangeList } from './changes';
import { matchParagraphs, paragraphStarts, SEPARATOR, splitParagraphs } from './paragraphs';
import type { DiffChange } from '../model/diff';
import { diffWordsBounded } from './words';

export interface BodyDiffOptions {
  /** Most token edits one word diff may need before it falls back to paragraphs. */
  maxEditLength?: number;
}

export const DEFAULT_MAX_EDIT_LENGTH = 1_000;
/** Paragraph-level edits the paragraph matcher explores before patience anchors take over. */
const PARAGRAPH_EDIT_LENGTH = 2_000;
/** A gap of a few paragraphs first tries one word diff this small (splits, merges, small edits). */
const GAP_TRIAL_EDIT_LENGTH = 200;
/** Gaps with more paragraphs than this on a side go straight to pairing: a trial would fail. */
const GAP_TRIAL_PARAGRAPHS = 8;
/** Work units (about edit length squared plus tokens) for all word diffs of one call. */
const WORK_BUDGET = 6_000_000;

/** Changes that turn `oldText` into `newText`; the caller has checked they differ. */
export function diffBodies(oldText: string, newText: string, options: BodyDiffOptions = {}): DiffChange[] {
  const list = new ChangeList();
  const run = new BodyDiff(list, Math.max(0, options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH));
  const prefix = commonPrefixLength(oldText, newText);
  const suffix = commonSuffixLength(oldText, newText, prefix);
  list.equal(oldText.slice(0, prefix));
  run.middle(oldText.slice(prefix, oldText.length - suffix), newText.slice(prefix, newText.length - suffix));
  list.equal(oldText.slice(oldText.length - suffix));
  return list.finish();
}

class BodyDiff {
  private work = WORK_BUDGET;

  constructor(
    private readonly list: ChangeList,
    private readonly maxEditLength: number,
  ) {}

  /** Anchors on unchanged paragraphs, then diffs each gap between them. */
  middle(oldText: string, newText: string): void {
    if (oldText === '' || newText === '') {
      this.list.replace(oldText, newText);
      return;
    }
    const oldParagraphs = splitParagraphs(oldText);
    const newParagraphs = splitParagraphs(newText);
    const oldStarts = paragraphStarts(oldParagraphs);
    const newStarts = paragraphStarts(newParagraphs);
    const anchors = matchParagraphs(oldParagraphs, newParagraphs, PARAGRAPH_EDIT_LENGTH);
    let oldAt = 0;
    let newAt = 0;
    let i = 0;
    let j = 0;
    for (const [ai, aj] of anchors) {
      const oldEnd = oldStarts[ai];
      const newEnd = newStarts[aj];
      this.gap(oldText.slice(oldAt, oldEnd), newText.slice(newAt, newEnd), ai - i, aj - j);
      this.list.equal(oldParagraphs[ai]);
      oldAt = oldEnd + oldParagraphs[ai].length;
      newAt = newEnd + newParagraphs[aj].length;
      i = ai + 1;
      j = aj + 1;
    }
    this.gap(oldText.slice(oldAt), newText.slice(newAt), oldParagraphs.length - i, newParagraphs.length - j);
  }

  /** A run of changed paragraphs (`oldCount` and `newCount` of them) between two anchors. */
  private gap(oldText: string, newText: string, oldCount: number, newCount: number): void {
    if (oldText === newText) {
      this.list.equal(oldText);
      return;
    }
    if (oldCount === 0 || newCount === 0 || (oldCount === 1 && newCount === 1)) {
      if (!this.wordDiff(oldText, newText, this.maxEditLength)) this.list.replace(oldText, newText);
      return;
    }
    const small = oldCount <= GAP_TRIAL_PARAGRAPHS && newCount <= GAP_TRIAL_PARAGRAPHS;
    if (small && this.wordDiff(oldText, newText, Math.min(this.maxEditLength, GAP_TRIAL_EDIT_LENGTH))) return;
    this.pairwise(oldText, newText);
  }

  /** Diffs a gap paragraph by paragraph, pairing each edited paragraph with its old self. */
  private pairwise(oldText: string, newText: string): void {
    const oldUnits = withSeparators(splitParagraphs(oldText));
    const newUnits = withSeparators(splitParagraphs(newText));
    const pairs = alignParagraphs(oldUnits, newUnits);
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairs, [oldUnits.length, newUnits.length] as [number, number]]) {
      while (i < pi) this.list.add('delete', oldUnits[i++]);
      while (j < pj) this.list.add('insert', newUnits[j++]);
      if (pi === oldUnits.length) break;
      if (!this.wordDiff(oldUnits[pi], newUnits[pj], this.maxEditLength)) this.list.replace(oldUnits[pi], newUnits[pj]);
      i++;
      j++;
    }
  }

  /** Adds the word diff of the two texts if it fits the bounds; false when it did not. */
  private wordDiff(oldText: string, newText: string, maxEditLength: number): boolean {
    const bound = Math.min(maxEditLength, Math.floor(Math.sqrt(Math.max(0, this.work))));
    const result = diffWordsBounded(oldText, newText, bound);
    const size = Math.min(oldText.length + newText.length, 1_000_000) / 4;
    if (!result) {
      this.work -= bound * bound + size;
      return false;
    }
    this.work -= result.edits * result.edits + size;
    this.list.addAll(result.changes);
    return true;
  }
}

/** Paragraphs each with the separator that follows it, so their concatenation is the text. */
function withSeparators(paragraphs: string[]): string[] {
  return paragraphs.map((p, k) => (k < paragraphs.length - 1 ? p + SEPARATOR : p));
}
