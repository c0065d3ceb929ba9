/**
 * Short equal runs folded into the edits around them. A paragraph rewritten from end to end
 * still shares words with its old self ("the", "in", "would"), and a word diff keeps them, so a
 * reader saw `[-Utilities-]{+Officials+} in [-…-]the [-work-]{+…+} would …`: a jumble of
 * fragments where the old sentence deleted and the new one inserted is what happened. Like
 * diff-match-patch's semantic cleanup, an equal run no longer than the edits on both sides of it
 * becomes part of them; a run that holds a paragraph break stays, so paragraphs stay apart.
 */
import { ChangeList } from './changes';
import type { DiffChange } from '../model/diff';

/** Passes over the list: each fold can make the next equal run foldable; a few settle it. */
const MAX_PASSES = 8;

export function foldShortEquals(changes: readonly DiffChange[]): DiffChange[] {
  let current = changes as DiffChange[];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const folded = foldOnce(current);
    if (folded === current) break;
    current = folded;
  }
  return current;
}

/** Edit runs between equal runs: `deleted[k]` and `inserted[k]` stand between `equals[k]` and `equals[k + 1]`. */
function foldOnce(changes: DiffChange[]): DiffChange[] {
  const equals: string[] = [''];
  const deleted: string[] = [];
  const inserted: string[] = [];
  for (const change of changes) {
    if (change.op === 'equal') {
      if (deleted.length === equals.length) equals.push(change.text);
      else equals[equals.length - 1] += change.text;
      continue;
    }
    if (deleted.length < equals.length) {
      deleted.push('');
      inserted.push('');
    }
    if (change.op === 'delete') deleted[deleted.length - 1] += change.text;
    else inserted[inserted.length - 1] += change.text;
  }
  if (equals.length === deleted.length) equals.push('');
  let folded = false;
  const list = new ChangeList();
  list.equal(equals[0]);
  let del = deleted[0] ?? '';
  let ins = inserted[0] ?? '';
  for (let k = 1; k < deleted.length; k++) {
    const between = equals[k];
    const left = Math.max(del.length, ins.length);
    const right = Math.max(deleted[k].length, inserted[k].length);
    if (between.length <= left && between.length <= right && !between.includes('\n')) {
      del += between + deleted[k];
      ins += between + inserted[k];
      folded = true;
      continue;
    }
    list.replace(del, ins);
    list.equal(between);
    del = deleted[k];
    ins = inserted[k];
  }
  if (deleted.length > 0) list.replace(del, ins);
  list.equal(equals[deleted.length]);
  return folded ? list.finish() : changes;
}
