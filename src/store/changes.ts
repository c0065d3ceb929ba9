/**
 * Changes in KV: each change keeps the diff computed when it was seen, and a global index
 * lists them newest first with their summaries as metadata (one list call, no gets).
 */
import { keys } from './keys';
import type { ChangeRecord, ChangeSummary } from './models';

export function summaryOf(change: ChangeRecord): ChangeSummary {
  const { diff: _diff, ...summary } = change;
  return summary;
}

export async function putChange(kv: KVNamespace, change: ChangeRecord): Promise<void> {
  const summary = summaryOf(change);
  // List metadata is capped at 1024 bytes: shorten what can be long.
  const listed: ChangeSummary = { ...summary, url: summary.url.slice(0, 400), title: summary.title.slice(0, 200) };
  await kv.put(keys.change(change.id, change.to), JSON.stringify(change));
  await kv.put(keys.changeIndex(Date.parse(change.at), change.id, change.to), '', { metadata: listed });
}

export async function getChange(kv: KVNamespace, id: string, to: number): Promise<ChangeRecord | null> {
  return kv.get<ChangeRecord>(keys.change(id, to), 'json');
}

export interface ChangePage {
  changes: ChangeSummary[];
  cursor: string | null;
}

export async function changesNewestFirst(kv: KVNamespace, cursor?: string | null, limit = 50): Promise<ChangePage> {
  const page = await kv.list<ChangeSummary>({ prefix: keys.changeIndexPrefix, cursor: cursor ?? undefined, limit });
  return {
    changes: page.keys.flatMap((k) => (k.metadata ? [k.metadata] : [])),
    cursor: page.list_complete ? null : page.cursor,
  };
}
