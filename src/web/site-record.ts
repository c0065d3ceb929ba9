/**
 * The record of one outlet: how many of its articles Redline tracks and how many changed, its
 * changes by kind, the share of substantive edits it published without a correction notice
 * ("silent edits"), and the median time from first sight of an article to its first change.
 *
 * A substantive edit is a text change that is more than spelling or punctuation: one whose kinds
 * include headline, addition, removal, rewrite or correction. It is silent when it carries no
 * correction notice (no `correction` kind).
 */
import { CHANGE_KINDS } from '../diff/kind';
import type { Env } from '../settings';
import type { ChangeKind } from '../store';
import type { ChangeCard } from '../store/change-card';
import type { SiteRows } from '../store/read-index';
import { indexForReads } from './index-reads';

const SUBSTANTIVE: readonly ChangeKind[] = ['headline', 'addition', 'removal', 'rewrite', 'correction'];

export interface SiteRecord {
  site: string;
  articlesTracked: number;
  articlesChanged: number;
  changes: number;
  changesByKind: Record<ChangeKind, number>;
  events: { edit: number; revert: number; removed: number; restored: number };
  substantiveEdits: number;
  silentEdits: number;
  /** silentEdits / substantiveEdits, or null when there is no substantive edit. */
  silentEditShare: number | null;
  /** Median seconds from an article's first version to its first change, over changed articles. */
  medianSecondsToFirstChange: number | null;
  firstChangeAt: string | null;
  latestChangeAt: string | null;
}

export function isSubstantive(kinds: readonly ChangeKind[]): boolean {
  return kinds.some((kind) => SUBSTANTIVE.includes(kind));
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Changes shown with the record (and in the outlet's feed). */
const RECENT = 30;

/** The record of one outlet, from one call to the read index. */
export async function siteRecord(env: Pick<Env, 'READ_INDEX'>, site: string): Promise<{ record: SiteRecord; recent: ChangeCard[] }> {
  const rows = await indexForReads(env).site(site, RECENT);
  return { record: summarizeSite(site, rows), recent: rows.recent };
}

/** The record computed from an outlet's rows (changes newest first). Pure. */
export function summarizeSite(site: string, rows: SiteRows): SiteRecord {
  const { changes } = rows;
  const byKind = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  const events = { edit: 0, revert: 0, removed: 0, restored: 0 };
  let substantive = 0;
  let silent = 0;
  const firstChange = new Map<string, string>();
  for (const change of changes) {
    events[change.event] = (events[change.event] ?? 0) + 1;
    if (!change.text) continue;
    for (const kind of change.kinds) byKind[kind]++;
    if (isSubstantive(change.kinds)) {
      substantive++;
      if (!change.kinds.includes('correction')) silent++;
    }
    const seen = firstChange.get(change.id);
    if (!seen || change.at < seen) firstChange.set(change.id, change.at);
  }
  const delays = [...firstChange].flatMap(([id, at]) => {
    const firstSeen = rows.firstSeen[id];
    return firstSeen ? [(Date.parse(at) - Date.parse(firstSeen)) / 1000] : [];
  });
  return {
    site,
    articlesTracked: Math.max(rows.articles, new Set(changes.map((c) => c.id)).size),
    articlesChanged: firstChange.size,
    changes: changes.filter((c) => c.text).length,
    changesByKind: byKind,
    events,
    substantiveEdits: substantive,
    silentEdits: silent,
    silentEditShare: substantive ? silent / substantive : null,
    medianSecondsToFirstChange: median(delays),
    firstChangeAt: changes.at(-1)?.at ?? null,
    latestChangeAt: changes[0]?.at ?? null,
  };
}

/** "3 h 12 min", "2 days 4 h", "45 s": a duration for people. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}
