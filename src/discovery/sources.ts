/** Registering sources and reading the ones due at a tick (each in a slot derived from its id). */
import { articleIdFor } from '../check/hash';
import type { Env, Settings } from '../env';
import { slotOf, tickNumber, ticksPerInterval } from '../schedule/tiers';
import { getSource, listSources, putSource, type SourceRecord } from '../store';
import { readSource, type SourceRead } from './read-source';

export async function registerSource(env: Env, url: string, now = new Date()): Promise<{ source: SourceRecord; created: boolean }> {
  const id = await articleIdFor(url);
  const existing = await getSource(env.REDLINE, id);
  if (existing) return { source: existing, created: false };
  const source: SourceRecord = { id, url, kind: null, createdAt: now.toISOString(), etag: null, lastModified: null, seen: [], tracked: 0, lastReadAt: null, lastError: null, retryAt: null };
  await putSource(env.REDLINE, source);
  return { source, created: true };
}

export interface SourcesReport {
  read: number;
  tracked: number;
  /** Requests spent per host, so the checks of this tick stay within the per-host limit. */
  hosts: Map<string, number>;
}

export async function readDueSources(env: Env, settings: Settings, now: Date, fetcher: typeof fetch = fetch): Promise<SourcesReport> {
  const report: SourcesReport = { read: 0, tracked: 0, hosts: new Map() };
  const ticks = ticksPerInterval(settings.sourceIntervalMinutes);
  const due = (await listSources(env.REDLINE)).filter((s) => slotOf(s.id, settings.sourceIntervalMinutes) === tickNumber(now) % ticks);
  for (const listing of due) {
    const host = new URL(listing.url).hostname;
    if ((report.hosts.get(host) ?? 0) >= settings.maxPerHostPerTick) continue;
    const source = await getSource(env.REDLINE, listing.id);
    if (!source) continue;
    let read: SourceRead;
    try {
      read = await readSource(env, settings, source, now, fetcher);
    } catch (error) {
      console.error(`reading source ${source.url} failed`, error);
      continue;
    }
    report.read++;
    report.tracked += read.tracked.length;
    report.hosts.set(host, (report.hosts.get(host) ?? 0) + 1);
  }
  return report;
}
