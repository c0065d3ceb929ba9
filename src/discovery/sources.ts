/** Registering sources and reading the ones due at a tick (each in a slot derived from its id). */
import { articleIdFor } from '../check/hash';
import { OPEN_CONNECTIONS, type Env, type Settings } from '../settings';
import { runBounded } from '../schedule/pick';
import { addSource, getSource, relistSource, type ListedSource, type PendingArticle, type SourceRecord } from '../store';
import { readSourceApart } from './source-reader';

/** Sources read at once by one tick (each in its own SourceReader invocation). */

export async function registerSource(env: Env, url: string, now = new Date()): Promise<{ source: SourceRecord; created: boolean }> {
  const id = await articleIdFor(url);
  const existing = await getSource(env.REDLINE, id);
  if (existing) {
    // Listed again in case a delete stopped between the listing and the record.
    await relistSource(env, existing);
    return { source: existing, created: false };
  }
  const source: SourceRecord = {
    id,
    url,
    kind: null,
    createdAt: now.toISOString(),
    etag: null,
    lastModified: null,
    seen: [],
    tracked: 0,
    lastReadAt: null,
    lastError: null,
    retryAt: null,
  };
  await addSource(env, source);
  return { source, created: true };
}

export interface SourcesReport {
  read: number;
  tracked: number;
  /** Requests spent per host, so the checks of this tick stay within the per-host limit. */
  hosts: Map<string, number>;
  /** The articles the reads started tracking, checked in this same tick (their markers are in the agenda too). */
  articles: PendingArticle[];
}

/**
 * Reads the sources due at this tick (`due`: the tick's agenda says which, src/store/agenda.ts).
 * The tick only applies the per-host limit; each read (fetch, parse, track) runs in the source's
 * SourceReader object, an invocation of its own, so no feed or sitemap is parsed on the tick's CPU.
 */
export async function readDueSources(env: Env, settings: Settings, now: Date, due: ListedSource[], fetcher?: typeof fetch): Promise<SourcesReport> {
  const report: SourcesReport = { read: 0, tracked: 0, hosts: new Map(), articles: [] };
  const run: { id: string; url: string; host: string }[] = [];
  for (const listing of due) {
    const host = new URL(listing.url).hostname;
    if ((report.hosts.get(host) ?? 0) >= settings.maxPerHostPerTick) continue;
    report.hosts.set(host, (report.hosts.get(host) ?? 0) + 1);
    run.push({ id: listing.id, url: listing.url, host });
  }
  await runBounded(run, OPEN_CONNECTIONS, settings.hostConcurrency, async ({ id, url }) => {
    try {
      const outcome = await readSourceApart(env, settings, id, now, fetcher);
      if (!outcome.found) return;
      report.read++;
      report.tracked += outcome.tracked;
      report.articles.push(...outcome.articles);
    } catch (error) {
      console.error(`reading source ${url} failed`, error);
    }
  });
  return report;
}
