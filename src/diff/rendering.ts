/**
 * Hunks that differ only in how the text renders: a ZWNJ, a variation selector or a Hangul filler
 * added to or dropped from a word the editor did not touch (normalize.ts JOINERS). Alone they make
 * no version (comparisonForm); beside a real edit they showed as an edit of their own ("the" ->
 * "the‌"). The new version keeps the old rendering of those words, so its diff is the edit alone.
 */
import { withoutRenderingMarks } from '../extract/normalize';
import type { Diff, DiffChange } from '../model/diff';
import { statsOf } from './stats';

/**
 * `diff` with every hunk that differs only in rendering marks made equal (its old text), and the
 * new text that diff now rebuilds: the page's text with those words as the old version had them.
 * Joining equal and delete texts still gives the old text exactly.
 */
export function keepOldRendering(diff: Diff): { diff: Diff; text: string } {
  const changes: DiffChange[] = [];
  let run: DiffChange[] = [];
  let removed = '';
  let added = '';
  let carried = false;
  const equal = (text: string) => {
    if (text === '') return;
    const last = changes.at(-1);
    if (last?.op === 'equal') changes[changes.length - 1] = { op: 'equal', text: last.text + text };
    else changes.push({ op: 'equal', text });
  };
  const flush = () => {
    if (run.length === 0) return;
    if (removed !== added && withoutRenderingMarks(removed) === withoutRenderingMarks(added)) {
      equal(removed);
      carried = true;
    } else changes.push(...run);
    run = [];
    removed = '';
    added = '';
  };
  for (const change of diff.changes) {
    if (change.op === 'delete') removed += change.text;
    else if (change.op === 'insert') added += change.text;
    if (change.op !== 'equal') run.push({ ...change });
    else {
      flush();
      equal(change.text);
    }
  }
  flush();
  const result = carried ? { ...diff, stats: statsOf(changes), changes } : diff;
  return {
    diff: result,
    text: result.changes
      .filter((c) => c.op !== 'delete')
      .map((c) => c.text)
      .join(''),
  };
}
