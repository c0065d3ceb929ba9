/** Shared checks for the diff tests: rebuild both sides, render a diff the way a reader sees it. */
import { expect } from 'vitest';
import type { Diff, DiffChange } from '../../src/diff';

export const oldSide = (changes: readonly DiffChange[]) =>
  changes
    .filter((c) => c.op !== 'insert')
    .map((c) => c.text)
    .join('');
export const newSide = (changes: readonly DiffChange[]) =>
  changes
    .filter((c) => c.op !== 'delete')
    .map((c) => c.text)
    .join('');

/** [-deleted-]{+inserted+} inline, like the diff page. */
export function render(changes: readonly DiffChange[]): string {
  return changes.map((c) => (c.op === 'equal' ? c.text : c.op === 'delete' ? `[-${c.text}-]` : `{+${c.text}+}`)).join('');
}

const words = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** Everything the contract promises about a Diff of these two bodies. */
export function expectWellFormed(diff: Diff, oldText: string, newText: string): void {
  expect(oldSide(diff.changes)).toBe(oldText);
  expect(newSide(diff.changes)).toBe(newText);
  for (const [k, change] of diff.changes.entries()) {
    expect(change.text).not.toBe('');
    if (k > 0) expect(change.op).not.toBe(diff.changes[k - 1].op);
    // A replacement reads delete, then insert.
    if (k > 0 && change.op === 'delete') expect(diff.changes[k - 1].op).not.toBe('insert');
  }
  const inserted = diff.changes.filter((c) => c.op === 'insert').reduce((n, c) => n + words(c.text), 0);
  const deleted = diff.changes.filter((c) => c.op === 'delete').reduce((n, c) => n + words(c.text), 0);
  expect(diff.stats).toEqual({ added: inserted, removed: deleted });
}
