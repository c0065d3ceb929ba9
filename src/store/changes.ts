/**
 * Changes in KV: each change keeps the diff computed when it was seen, and a global index
 * lists them newest first with their summaries as metadata (one list call, no gets).
 */
import { keys } from './keys';
import { fitMetadata } from './metadata';
import type { ChangeRecord, ChangeSummary } from '../model/records';

export function summaryOf(change: ChangeRecord): ChangeSummary {
  const { diff: _diff, ...summary } = change;
  return summary;
}

export async function putChange(kv: KVNamespace, change: ChangeRecord): Promise<void> {
  const summary = summaryOf(change);
  // List metadata is capped at 1,024 bytes: shorten what can be long.
  const listed: ChangeSummary = fitMetadata(summary, ['url', 'title']);
  const atMs = Date.parse(change.at);
  await kv.put(keys.change(change.id, change.seq), JSON.stringify(change));
  await Promise.all([
    kv.put(keys.changeIndex(atMs, change.id, change.seq), '', { metadata: listed }),
    kv.put(keys.siteChangeIndex(change.site, atMs, change.id, change.seq), '', { metadata: listed }),
  ]);
}

export async function getChange(kv: KVNamespace, id: string, seq: string): Promise<ChangeRecord | null> {
  return kv.get<ChangeRecord>(keys.change(id, seq), 'json');
}

/** The change that made version n (an edit, a revert or a restore with a new text). */
export function getChangeToVersion(kv: KVNamespace, id: string, n: number): Promise<ChangeRecord | null> {
  return getChange(kv, id, keys.versionSeq(n));
}

export interface ChangePage {
  changes: ChangeSummary[];
  cursor: string | null;
}

/** Changes newest first, across all articles or (with `site`) of one outlet. */
export async function changesNewestFirst(kv: KVNamespace, cursor?: string | null, limit = 50, site?: string): Promise<ChangePage> {
  const prefix = site ? keys.siteChangeIndexPrefix(site) : keys.changeIndexPrefix;
  const page = await kv.list<ChangeSummary>({ prefix, cursor: cursor ?? undefined, limit });
  return {
    changes: page.keys.flatMap((k) => (k.metadata ? [k.metadata] : [])),
    cursor: page.list_complete ? null : page.cursor,
  };
}
