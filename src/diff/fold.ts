/**
 * Short equal runs folded into the edits around them. A paragraph rewritten from end to end
 * still shares words with its old self ("the", "in", "would"), and a word diff keeps them, so a
 * reader saw `[-Utilities-]{+Officials+} in [-…-]the [-work-]{+…+} would …`: a jumble of
 * fragments where the old sentence deleted and the new one inserted is what happened. Like
 * diff-match-patch's semantic cleanup, an equal run no longer than the edits on both sides of it
 * becomes part of them; a run that holds a paragraph break stays, so paragraphs stay apart.
 */
import { changesOf, type Hunks, hunksOf } from './changes';
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

function foldOnce(changes: DiffChange[]): DiffChange[] {
  const { equals, deletes, inserts } = hunksOf(changes);
  const out: Hunks = { equals: equals.slice(0, 1), deletes: deletes.slice(0, 1), inserts: inserts.slice(0, 1) };
  let folded = false;
  for (let h = 1; h < deletes.length; h++) {
    const between = equals[h];
    const last = out.deletes.length - 1;
    const left = Math.max(out.deletes[last].length, out.inserts[last].length);
    const right = Math.max(deletes[h].length, inserts[h].length);
    if (right > 0 && between.length <= left && between.length <= right && !between.includes('\n')) {
      out.deletes[last] += between + deletes[h];
      out.inserts[last] += between + inserts[h];
      folded = true;
    } else {
      out.equals.push(between);
      out.deletes.push(deletes[h]);
      out.inserts.push(inserts[h]);
    }
  }
  return folded ? changesOf(out) : changes;
}
