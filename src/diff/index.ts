/**
 * Two versions of an article -> the Diff the contract publishes. The body diff is word-level
 * wherever edits are local and bounded everywhere (see body.ts); the headline is compared whole.
 * Pure functions: no Workers, KV or HTTP here, so the check, the CLI and the benchmarks share it.
 */
import { diffBodies, type BodyDiffOptions } from './body';
import { statsOf } from './stats';
import type { Diff, DiffChange, TextVersion } from './types';
import { toWordBounds } from './word-bounds';

export type { Diff, DiffChange, DiffOp, DiffStats, TextVersion } from './types';
export { contextSnippets, ELLIPSIS } from './snippets';
export { DEFAULT_MAX_EDIT_LENGTH, type BodyDiffOptions as DiffOptions } from './body';

/**
 * The diff from `oldVersion` to `newVersion`. Joining the equal and delete texts gives the old
 * body exactly, equal and insert the new one; `changed` is false exactly when both bodies and
 * both titles are the same. `maxEditLength` bounds each word diff (in token edits); runs that
 * need more read as whole paragraphs deleted and inserted.
 */
export function diffVersions(oldVersion: TextVersion, newVersion: TextVersion, options: BodyDiffOptions = {}): Diff {
  const oldText = oldVersion.text;
  const newText = newVersion.text;
  const titleChanged = oldVersion.title !== newVersion.title;
  const title = titleChanged ? { old: oldVersion.title, new: newVersion.title } : null;
  if (oldText === newText) {
    const changes: DiffChange[] = oldText === '' ? [] : [{ op: 'equal', text: oldText }];
    return { changed: titleChanged, title, stats: { added: 0, removed: 0 }, changes };
  }
  const changes = toWordBounds(diffBodies(oldText, newText, options));
  return { changed: true, title, stats: statsOf(changes), changes };
}
