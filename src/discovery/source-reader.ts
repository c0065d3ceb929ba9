/**
 * SourceReader: a Durable Object that reads one feed or sitemap per call, as CheckRunner runs one
 * check. Fetching and parsing a source is real CPU (about 21 ms for a 1,000-URL sitemap, 105 ms
 * for 5,000), and a cron tick on the Free plan has 10 ms for all of its own work; a call to a
 * Durable Object is an invocation with its own CPU allowance, so the tick only lists what is due
 * and waits. The reader keeps no state: the source record in KV stays the truth.
 * Without the binding (or with a test's fetcher) the same read runs in place.
 */
import { DurableObject } from 'cloudflare:workers';
import { settingsFrom, type Env, type Settings } from '../settings';
import { count } from '../metrics';
import { getSource } from '../store';
import { readSource } from './read-source';

/** What the tick needs back from one read: how many articles it started tracking, and any error. */
export interface SourceOutcome {
  found: boolean;
  tracked: number;
  error: string | null;
  /** The articles it started tracking, with their hosts (the tick checks them at once). */
  articles: { id: string; host: string }[];
}

async function readById(env: Env, settings: Settings, id: string, now: Date, fetcher?: typeof fetch): Promise<SourceOutcome> {
  const source = await getSource(env.REDLINE, id);
  if (!source) return { found: false, tracked: 0, error: null, articles: [] };
  const read = await readSource(env, settings, source, now, fetcher);
  return { found: true, tracked: read.tracked.length, error: read.error, articles: read.tracked };
}

export class SourceReader extends DurableObject<Env> {
  async read(id: string, at: string): Promise<SourceOutcome> {
    return readById(this.env, settingsFrom(this.env), id, new Date(at));
  }
}

/** Reads one source in its SourceReader when bound, else here; a custom fetcher (tests) always reads here. */
export async function readSourceApart(env: Env, settings: Settings, id: string, now: Date, fetcher?: typeof fetch): Promise<SourceOutcome> {
  if (!env.SOURCE_READER || fetcher) return readById(env, settings, id, now, fetcher);
  count('readerCalls');
  const reader = env.SOURCE_READER.get(env.SOURCE_READER.idFromName(id));
  return reader.read(id, now.toISOString());
}
