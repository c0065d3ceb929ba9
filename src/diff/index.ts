/**
 * Two versions of an article -> the Diff the contract publishes. The body diff is word-level
 * wherever edits are local and bounded everywhere (see body.ts); the headline is compared whole.
 * Pure functions: no Workers, KV or HTTP here, so the check, the CLI and the benchmarks share it.
 */
import { bylineForm, comparisonForm } from '../extract/normalize';
import { diffBodies, type BodyDiffOptions } from './body';
import { foldShortEquals } from './fold';
import { slideHunks } from './slide';
import { statsOf } from './stats';
import type { Diff, DiffChange, TextVersion } from '../model/diff';
import { toWordBounds } from './word-bounds';

export type { Diff, DiffChange, DiffOp, DiffStats, TextVersion } from '../model/diff';
export { keepOldRendering } from './rendering';
export { contextSnippets, ELLIPSIS } from './snippets';
export { DEFAULT_MAX_EDIT_LENGTH, type BodyDiffOptions as DiffOptions } from './body';

/**
 * The diff from `oldVersion` to `newVersion`. Joining the equal and delete texts gives the old
 * body exactly, equal and insert the new one; `changed` is false when both versions say the same
 * words (see Diff.changed). Headline and byline are compared whole (a byline in bylineForm); an old byline that is not
 * known (undefined) is taken as unchanged. `maxEditLength` bounds each word diff (in token edits); runs that
 * need more read as whole paragraphs deleted and inserted.
 */
export function diffVersions(oldVersion: TextVersion, newVersion: TextVersion, options: BodyDiffOptions = {}): Diff {
  const oldText = oldVersion.text;
  const newText = newVersion.text;
  const titleChanged = comparisonForm(oldVersion.title) !== comparisonForm(newVersion.title);
  const title = titleChanged ? { old: oldVersion.title, new: newVersion.title } : null;
  const oldByline = oldVersion.byline;
  const newByline = newVersion.byline ?? null;
  const bylineChanged = oldByline !== undefined && bylineForm(oldByline) !== bylineForm(newByline);
  const byline = bylineChanged ? { old: oldByline ?? null, new: newByline } : null;
  const labelsChanged = titleChanged || bylineChanged;
  if (oldText === newText) {
    const changes: DiffChange[] = oldText === '' ? [] : [{ op: 'equal', text: oldText }];
    return { changed: labelsChanged, title, byline, stats: { added: 0, removed: 0 }, changes };
  }
  const changes = foldShortEquals(toWordBounds(slideHunks(diffBodies(oldText, newText, options))));
  // A re-flow (paragraph breaks, spaces, joiners, invisible characters) is shown but is not an edit.
  const changed = labelsChanged || saysOtherWords(changes, oldText, newText);
  return { changed, title, byline, stats: statsOf(changes), changes };
}

/**
 * Whether the texts differ in more than whitespace, joiners and invisible characters. A hunk whose
 * two sides differ in their comparison form settles it (its words differ, so the texts' do); only
 * when every hunk is such a re-flow are the whole texts compared.
 */
function saysOtherWords(changes: readonly DiffChange[], oldText: string, newText: string): boolean {
  let removed = '';
  let added = '';
  const hunkDiffers = () => comparisonForm(removed) !== comparisonForm(added);
  for (const change of changes) {
    if (change.op === 'delete') removed += change.text;
    else if (change.op === 'insert') added += change.text;
    else {
      if ((removed || added) && hunkDiffers()) return true;
      removed = '';
      added = '';
    }
  }
  if ((removed || added) && hunkDiffers()) return true;
  return comparisonForm(oldText) !== comparisonForm(newText);
}
