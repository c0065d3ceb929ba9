/**
 * The diff between two stored versions. Consecutive versions have their diff stored with the
 * change (computed once, when the change was seen); only a comparison that skips versions is
 * computed here, bounded like every diff.
 */
import { diffVersions } from '../diff';
import type { Diff } from '../model/diff';
import { getArticle, getChangeToVersion, getVersion, type ArticleRecord, type VersionRecord } from '../store';
import { changeRecordProblem } from '../store/change-card';

/**
 * An article record as pages can show it, or null when there is none. A record that KV holds in
 * a form no page can read (written by hand, or by a faulty import) is logged and read as absent
 * in its broken parts, never a 500.
 */
export async function readableArticle(kv: KVNamespace, id: string): Promise<ArticleRecord | null> {
  const record = await getArticle(kv, id);
  if (record === null) return null;
  if (
    typeof record !== 'object' ||
    typeof record.url !== 'string' ||
    typeof record.id !== 'string' ||
    typeof record.site !== 'string' ||
    typeof record.createdAt !== 'string'
  ) {
    console.error(`article ${id} is malformed in KV: shown as absent`);
    return null;
  }
  const versions = Array.isArray(record.versions) ? record.versions.filter((v) => v && Number.isInteger(v.n) && typeof v.fetchedAt === 'string') : [];
  const failures = Array.isArray(record.failures) ? record.failures.filter((f) => f && typeof f.at === 'string') : [];
  const lastCheck =
    record.lastCheck && typeof record.lastCheck === 'object' && typeof record.lastCheck.outcome === 'string' && typeof record.lastCheck.since === 'string'
      ? record.lastCheck
      : null;
  if (versions.length !== (record.versions?.length ?? -1) || failures.length !== (record.failures?.length ?? 0) || lastCheck !== record.lastCheck) {
    console.error(`article ${id} has malformed parts in KV: they were skipped`);
  }
  const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    ...record,
    versions,
    failures,
    lastCheck,
    title: textOrNull(record.title),
    removedAt: textOrNull(record.removedAt),
    deletedAt: textOrNull(record.deletedAt),
    active: record.active !== false,
  };
}

const readableVersion = (version: VersionRecord | null) => (version && typeof version.text === 'string' && typeof version.title === 'string' ? version : null);

export type DiffLookup = { ok: true; diff: Diff; from: number; to: number } | { ok: false; status: 400 | 404; error: string };

export async function loadDiff(kv: KVNamespace, article: ArticleRecord, from?: number, to?: number): Promise<DiffLookup> {
  const count = article.versions.length;
  const last = to ?? count;
  const first = from ?? last - 1;
  if (count < 2 && from === undefined && to === undefined) return { ok: false, status: 404, error: 'this article has fewer than two versions' };
  if (first < 1 || last < 1) return { ok: false, status: 400, error: 'from and to must be version numbers' };
  if (first > count || last > count) return { ok: false, status: 404, error: `this article has ${count} version${count === 1 ? '' : 's'}` };
  if (first >= last) return { ok: false, status: 400, error: 'from must be lower than to' };
  if (last === first + 1) {
    const change = await getChangeToVersion(kv, article.id, last);
    const problem = change && changeRecordProblem(change);
    if (change && !problem) return { ok: true, diff: change.diff, from: first, to: last };
    if (problem) console.error(`change ${article.id}:${last} is malformed in KV (${problem}): diffing the versions instead`);
  }
  const [older, newer] = (await Promise.all([getVersion(kv, article.id, first), getVersion(kv, article.id, last)])).map(readableVersion);
  if (!older || !newer) return { ok: false, status: 404, error: 'version not found' };
  return { ok: true, diff: diffVersions(older, newer), from: first, to: last };
}
