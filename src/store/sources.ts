/**
 * Discovery sources in KV: RSS/Atom feeds and sitemaps whose new articles are tracked. One key per
 * source, listed with metadata, so a tick lists every source in one call and reads only the due ones.
 */
import { keys } from './keys';
import { fitMetadata } from './metadata';

export type SourceKind = 'rss' | 'atom' | 'sitemap' | 'sitemapindex';

export interface SourceRecord {
  id: string;
  url: string;
  kind: SourceKind | null;
  createdAt: string;
  /** Validators of the last read that found something new (conditional requests). */
  etag: string | null;
  lastModified: string | null;
  /** Article ids this source already handed over, newest last (at most MAX_SEEN). */
  seen: string[];
  /** Articles this source started tracking, in all. */
  tracked: number;
  lastReadAt: string | null;
  lastError: string | null;
  /** The site asked us to wait (Retry-After) until then. */
  retryAt: string | null;
}

export interface SourceListing {
  url: string;
  kind: SourceKind | null;
  tracked: number;
}

export const MAX_SEEN = 5000;

export async function getSource(kv: KVNamespace, id: string): Promise<SourceRecord | null> {
  return kv.get<SourceRecord>(keys.source(id), 'json');
}

export async function putSource(kv: KVNamespace, source: SourceRecord): Promise<void> {
  const listing: SourceListing = fitMetadata({ url: source.url, kind: source.kind, tracked: source.tracked }, ['url']);
  const seen = source.seen.slice(-MAX_SEEN);
  await kv.put(keys.source(source.id), JSON.stringify({ ...source, seen }), { metadata: listing });
}

export async function deleteSource(kv: KVNamespace, id: string): Promise<void> {
  await kv.delete(keys.source(id));
}

/** Every registered source's listing (one list call per 1,000 sources). */
export async function listSources(kv: KVNamespace): Promise<(SourceListing & { id: string })[]> {
  const sources: (SourceListing & { id: string })[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list<SourceListing>({ prefix: keys.sourcePrefix, cursor });
    for (const key of page.keys) if (key.metadata) sources.push({ id: key.name.slice(keys.sourcePrefix.length), ...key.metadata });
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return sources;
}
