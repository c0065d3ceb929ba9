/**
 * Choosing changes for feeds, lists and the API: newest first, optionally of one outlet and of
 * one kind. Changes stored before kinds were recorded (kinds: []) are classified from their diff.
 */
import { CHANGE_KINDS, isChangeKind } from '../diff/kind';
import { changesNewestFirst, getChange, getChangeToVersion, type ChangeKind, type ChangeRecord, type ChangeSummary } from '../store';
import { changeRecordProblem, hasTextChange, kindsOfChange } from '../store/change-card';

export { hasTextChange, kindsOfChange };

/** Loads a listed change's record (seq when listed, else the version it made). */
export function loadChange(kv: KVNamespace, summary: Pick<ChangeSummary, 'id' | 'seq' | 'to'>): Promise<ChangeRecord | null> {
  return summary.seq ? getChange(kv, summary.id, summary.seq) : getChangeToVersion(kv, summary.id, summary.to);
}

/** A summary with its kinds filled in (one get when it was stored without them). */
export async function withKinds(kv: KVNamespace, summary: ChangeSummary): Promise<ChangeSummary> {
  if (summary.kinds?.length || !hasTextChange(summary)) return { ...summary, kinds: summary.kinds ?? [] };
  const record = await loadChange(kv, summary);
  return { ...summary, kinds: record && !changeRecordProblem(record) ? kindsOfChange(record) : [] };
}

export interface ChangeSelection {
  changes: ChangeSummary[];
  cursor: string | null;
}

/** List calls one selection may make when a kind filter skips most changes. */
const MAX_LIST_CALLS = 10;

/**
 * Up to `limit` changes, newest first. With a kind filter, index pages are read until enough
 * match (each read asks for no more than are still needed, so the cursor never skips a match).
 */
export async function selectChanges(
  kv: KVNamespace,
  options: { limit: number; cursor?: string | null; site?: string; kind?: ChangeKind },
): Promise<ChangeSelection> {
  const selected: ChangeSummary[] = [];
  let cursor = options.cursor ?? null;
  for (let calls = 0; calls < MAX_LIST_CALLS; calls++) {
    const page = await changesNewestFirst(kv, cursor, options.limit - selected.length, options.site);
    const filled = await Promise.all(page.changes.map((summary) => withKinds(kv, summary)));
    selected.push(...(options.kind ? filled.filter((c) => c.kinds.includes(options.kind!)) : filled));
    cursor = page.cursor;
    if (!cursor || selected.length >= options.limit) break;
  }
  return { changes: selected, cursor };
}

/** `?kind=`: undefined when absent, null when not a kind. */
export function parseKind(raw: string | undefined): ChangeKind | undefined | null {
  if (raw === undefined || raw === '') return undefined;
  return isChangeKind(raw) ? raw : null;
}

/**
 * `?kind=` from every value the query gives it, the one rule for feeds, pages and the API:
 * absent (or empty) is no filter; a value that is no kind is an error naming it, even beside a
 * known one; two values are the error of any parameter given twice.
 */
export function kindFromQuery(values: readonly string[]): { kind: ChangeKind | undefined } | { error: string } {
  const unknown = values.find((value) => value !== '' && !isChangeKind(value));
  if (unknown !== undefined) return { error: `unknown kind ${JSON.stringify(unknown.slice(0, 100))}: kind must be one of ${CHANGE_KINDS.join(', ')}` };
  if (values.length > 1) return { error: 'kind is given more than once: give each query parameter once' };
  return { kind: parseKind(values[0]) ?? undefined };
}

/** An outlet as Redline names it: the host name of its articles' URLs, lower case. */
export function parseSite(raw: string | undefined): string | null {
  if (!raw) return null;
  const host = raw.toLowerCase();
  return host.length <= 253 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/.test(host) ? host : null;
}
