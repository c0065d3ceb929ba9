/**
 * The diff between two stored versions. Consecutive versions have their diff stored with the
 * change (computed once, when the change was seen); only a comparison that skips versions is
 * computed here, bounded like every diff.
 */
import { diffVersions } from '../diff';
import type { Diff } from '../diff/types';
import { getChangeToVersion, getVersion, type ArticleRecord } from '../store';

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
    if (change) return { ok: true, diff: change.diff, from: first, to: last };
  }
  const [older, newer] = await Promise.all([getVersion(kv, article.id, first), getVersion(kv, article.id, last)]);
  if (!older || !newer) return { ok: false, status: 404, error: 'version not found' };
  return { ok: true, diff: diffVersions(older, newer), from: first, to: last };
}
