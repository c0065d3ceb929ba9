/** Word counts of a diff: words (runs of non-whitespace) in its inserted and deleted text. */
import { countWords } from './tokens';
import type { DiffChange, DiffStats } from '../model/diff';

export function statsOf(changes: readonly DiffChange[]): DiffStats {
  let added = 0;
  let removed = 0;
  for (const { op, text } of changes) {
    if (op === 'insert') added += countWords(text);
    else if (op === 'delete') removed += countWords(text);
  }
  return { added, removed };
}
