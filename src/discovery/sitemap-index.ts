/**
 * A sitemap index names sitemaps, not articles. Each read follows a few of them: the newest by
 * <lastmod> (news sites add a sitemap a day or a month, and the newest holds the new articles),
 * else the first listed. Bounded: CHILD_SITEMAPS_PER_READ children, each read like any source
 * (URL policy on every hop, MAX_PAGE_BYTES, the fetch timeout), and never an index inside an index.
 */
import type { Settings } from '../settings';
import { fetchSource } from './fetch-source';
import { parseSource, type ParsedSource } from './parse';

export const CHILD_SITEMAPS_PER_READ = 3;

export interface IndexRead {
  /** Article URLs from the children that could be read, in their order. */
  links: string[];
  /** Set when no child could be read. */
  error: string | null;
}

/** The children to read: newest <lastmod> first (undated ones after, in document order). */
export function childrenToRead(index: ParsedSource): string[] {
  const time = (url: string) => {
    const t = Date.parse(index.lastmod?.get(url) ?? '');
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  return index.links
    .map((url, order) => ({ url, order, time: time(url) }))
    .sort((a, b) => b.time - a.time || a.order - b.order)
    .slice(0, CHILD_SITEMAPS_PER_READ)
    .map((child) => child.url);
}

export async function readSitemapIndex(index: ParsedSource, settings: Settings, fetcher?: typeof fetch): Promise<IndexRead> {
  const children = childrenToRead(index);
  if (children.length === 0) return { links: [], error: 'a sitemap index that names no sitemap' };
  const reads = await Promise.all(
    children.map(async (url) => {
      const fetched = await fetchSource(url, settings, { etag: null, lastModified: null }, fetcher);
      if (!fetched.ok) return { url, error: fetched.error, links: [] };
      if (fetched.notModified) return { url, error: 'answered 304 to a request without validators', links: [] };
      const parsed = parseSource(fetched.xml, fetched.finalUrl);
      if (parsed.kind !== 'sitemap')
        return { url, error: parsed.kind === 'sitemapindex' ? 'an index inside an index is not followed' : 'not a sitemap', links: [] };
      if (parsed.notWellFormed) return { url, error: `not well-formed XML: ${parsed.notWellFormed}`, links: [] };
      return { url, error: null, links: parsed.links };
    }),
  );
  const read = reads.filter((r) => r.error === null);
  const failures = reads.filter((r) => r.error !== null).map((r) => `${r.url}: ${r.error}`);
  if (read.length === 0) return { links: [], error: `a sitemap index whose newest sitemaps could not be read (${failures.join('; ')})` };
  for (const failure of failures) console.warn(`sitemap index: skipped ${failure}`);
  return { links: read.flatMap((r) => r.links), error: null };
}
