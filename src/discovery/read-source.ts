/**
 * Reading one source: fetch it (conditionally), list its article links, canonicalize them, and
 * start tracking the ones this source has not handed over before. A source record is written
 * only when something new was tracked or its state (kind, error, Retry-After) changed, so an
 * unchanged feed costs one read and no write.
 */
import { articleIdFor } from '../check/hash';
import { trackUrl } from '../check/track';
import { checkTrackableUrl, usableLastModified } from '../net';
import type { Env, Settings } from '../settings';
import { getArticle, putSource, type SourceRecord } from '../store';
import { fetchSource } from './fetch-source';
import { parseSource } from './parse';
import { readSitemapIndex } from './sitemap-index';

export interface SourceRead {
  /** The articles this read started tracking. */
  tracked: { id: string; host: string }[];
  error: string | null;
  notModified: boolean;
}

export async function readSource(env: Env, settings: Settings, source: SourceRecord, now: Date, fetcher: typeof fetch = fetch): Promise<SourceRead> {
  if (source.retryAt && Date.parse(source.retryAt) > now.getTime()) return { tracked: [], error: null, notModified: true };
  const fetched = await fetchSource(source.url, settings, source, fetcher);
  if (!fetched.ok) {
    const retryAt = fetched.retryAfterSeconds != null ? new Date(now.getTime() + fetched.retryAfterSeconds * 1000).toISOString() : null;
    if (source.lastError !== fetched.error || source.retryAt !== retryAt)
      await putSource(env, { ...source, lastError: fetched.error, retryAt, lastReadAt: now.toISOString() }, source);
    return { tracked: [], error: fetched.error, notModified: false };
  }
  if (fetched.notModified) return { tracked: [], error: null, notModified: true };

  const parsed = parseSource(fetched.xml, fetched.finalUrl);
  if (!parsed.kind) {
    const error = 'not an RSS or Atom feed or a sitemap';
    if (source.lastError !== error) await putSource(env, { ...source, lastError: error, lastReadAt: now.toISOString() }, source);
    return { tracked: [], error, notModified: false };
  }
  if (parsed.notWellFormed) {
    // Cut off or broken: what it lists cannot be trusted to be all of it, so nothing is tracked.
    const error = `not well-formed XML: ${parsed.notWellFormed}`;
    if (source.lastError !== error) await putSource(env, { ...source, lastError: error, lastReadAt: now.toISOString() }, source);
    return { tracked: [], error, notModified: false };
  }
  let links = parsed.links;
  if (parsed.kind === 'sitemapindex') {
    const children = await readSitemapIndex(parsed, settings, fetcher);
    if (children.error) {
      if (source.lastError !== children.error)
        await putSource(env, { ...source, kind: parsed.kind, lastError: children.error, lastReadAt: now.toISOString() }, source);
      return { tracked: [], error: children.error, notModified: false };
    }
    links = children.links;
  }
  // Only this read's share of new links (and one more, to know that some are left) is hashed: a
  // 60,000-URL sitemap was hashed whole and de-duplicated pairwise (20-30 s to register it).
  const seen = new Set(source.seen);
  const fresh = new Map<string, string>();
  for (const link of links) {
    if (fresh.size > settings.newArticlesPerSourceRead) break;
    const verdict = checkTrackableUrl(link, settings);
    if (!verdict.ok) continue;
    const id = await articleIdFor(verdict.url);
    if (!seen.has(id) && !fresh.has(id)) fresh.set(id, verdict.url);
  }
  const now_ = [...fresh].slice(0, settings.newArticlesPerSourceRead).map(([id, url]) => ({ id, url }));
  const tracked: { id: string; host: string }[] = [];
  for (const { id, url } of now_) {
    // Tracked already (from another source, the API, or as a canonical URL): never twice.
    if (!(await getArticle(env.REDLINE, id))) {
      const { article } = await trackUrl(env, url, now);
      tracked.push({ id, host: article.site });
    }
  }
  const more = fresh.size > now_.length;
  if (now_.length > 0 || source.kind !== parsed.kind || source.lastError || source.retryAt) {
    await putSource(
      env,
      {
        ...source,
        kind: parsed.kind,
        // With links left over, keep no validators: the next read must see the whole document again.
        // Nor for an index: its newest sitemap fills up while the index itself stays the same.
        etag: more || parsed.kind === 'sitemapindex' ? null : fetched.etag,
        // A Last-Modified within 60 s of the read is too weak to ask with (src/net/last-modified.ts).
        lastModified: more || parsed.kind === 'sitemapindex' || !usableLastModified(fetched.lastModified, now.toISOString()) ? null : fetched.lastModified,
        seen: [...source.seen, ...now_.map((f) => f.id)],
        tracked: source.tracked + tracked.length,
        lastReadAt: now.toISOString(),
        lastError: null,
        retryAt: null,
      },
      source,
    );
  }
  return { tracked, error: null, notModified: false };
}
