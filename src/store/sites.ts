/**
 * Read helpers for the reader's side: every change of one article (events included), and every
 * change of one outlet. Reads only; the keys come from keys.ts.
 */
import { getChange, changesNewestFirst } from './changes';
import { keys } from './keys';
import type { ChangeRecord, ChangeSummary } from '../model/records';
import { listKeys } from './list-keys';

/** Seqs of an article's changes, oldest first (a version's events sort after the version's edit). */
export async function articleChangeSeqs(kv: KVNamespace, id: string, max = 1000): Promise<string[]> {
  const prefix = keys.change(id, '');
  const seqs: string[] = [];
  for await (const key of listKeys(kv, prefix)) {
    seqs.push(key.name.slice(prefix.length));
    if (seqs.length >= max) break;
  }
  return seqs;
}

/** An article's latest `limit` changes with their diffs, oldest first. */
export async function articleChanges(kv: KVNamespace, id: string, limit = 100): Promise<ChangeRecord[]> {
  const seqs = (await articleChangeSeqs(kv, id)).slice(-limit);
  const changes = await Promise.all(seqs.map((seq) => getChange(kv, id, seq)));
  return changes.filter((change): change is ChangeRecord => change !== null);
}

/** An outlet's change summaries, newest first, at most `max`. */
export async function siteChangeSummaries(kv: KVNamespace, host: string, max = 5000): Promise<ChangeSummary[]> {
  const all: ChangeSummary[] = [];
  let cursor: string | null = null;
  do {
    const page = await changesNewestFirst(kv, cursor, Math.min(1000, max - all.length), host);
    all.push(...page.changes);
    cursor = page.cursor;
  } while (cursor && all.length < max);
  return all;
}
