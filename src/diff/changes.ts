/**
 * Collects diff entries in reading order and tidies them into the contract's shape: no empty
 * entries, no two neighbours with the same op, and every replacement reads "delete, then insert".
 * A lone space left equal between two edits is folded into them, so "a b c" -> "x y z" reads as
 * one replaced phrase instead of three replaced words with shared spaces.
 */
import type { DiffChange, DiffOp } from '../model/diff';

const FOLDABLE = /^[^\S\n]+$/;

export class ChangeList {
  private readonly list: DiffChange[] = [];

  add(op: DiffOp, text: string): void {
    if (text === '') return;
    const last = this.list[this.list.length - 1];
    if (last && last.op === op) last.text += text;
    else this.list.push({ op, text });
  }

  equal(text: string): void {
    this.add('equal', text);
  }

  replace(oldText: string, newText: string): void {
    this.add('delete', oldText);
    this.add('insert', newText);
  }

  addAll(changes: readonly DiffChange[]): void {
    for (const c of changes) this.add(c.op, c.text);
  }

  /** The entries as added, neighbours merged, not yet tidied. */
  entries(): DiffChange[] {
    return this.list;
  }

  /** The tidy list: runs of edits become one delete then one insert. */
  finish(): DiffChange[] {
    const out: DiffChange[] = [];
    const deleted: string[] = [];
    const inserted: string[] = [];
    const flush = () => {
      if (deleted.length) out.push({ op: 'delete', text: deleted.length === 1 ? deleted[0] : deleted.join('') });
      if (inserted.length) out.push({ op: 'insert', text: inserted.length === 1 ? inserted[0] : inserted.join('') });
      deleted.length = 0;
      inserted.length = 0;
    };
    const entries = this.list;
    for (let i = 0; i < entries.length; i++) {
      const { op, text } = entries[i];
      if (op === 'delete') deleted.push(text);
      else if (op === 'insert') inserted.push(text);
      else if (i > 0 && i < entries.length - 1 && FOLDABLE.test(text)) {
        // Between two edits (neighbours of an equal entry are never equal themselves).
        deleted.push(text);
        inserted.push(text);
      } else {
        flush();
        out.push({ op, text });
      }
    }
    flush();
    return out;
  }
}

/**
 * A change list as runs: hunk h (`deletes[h]` then `inserts[h]`, either may be empty) sits between
 * `equals[h]` and `equals[h + 1]`; the last hunk is empty when the list ends with an equal run.
 * The passes that move text between a hunk and its neighbours (word-bounds.ts, fold.ts) work on it.
 */
export interface Hunks {
  equals: string[];
  deletes: string[];
  inserts: string[];
}

export function hunksOf(changes: readonly DiffChange[]): Hunks {
  const hunks: Hunks = { equals: [], deletes: [], inserts: [] };
  let k = 0;
  while (k < changes.length) {
    let equal = '';
    while (k < changes.length && changes[k].op === 'equal') equal += changes[k++].text;
    hunks.equals.push(equal);
    let del = '';
    let ins = '';
    while (k < changes.length && changes[k].op !== 'equal') {
      if (changes[k].op === 'delete') del += changes[k].text;
      else ins += changes[k].text;
      k++;
    }
    hunks.deletes.push(del);
    hunks.inserts.push(ins);
  }
  return hunks;
}

/** The tidy change list of `hunks` (see ChangeList.finish). */
export function changesOf({ equals, deletes, inserts }: Hunks): DiffChange[] {
  const list = new ChangeList();
  for (let h = 0; h < equals.length; h++) {
    list.equal(equals[h]);
    if (h < deletes.length) list.replace(deletes[h], inserts[h]);
  }
  return list.finish();
}
