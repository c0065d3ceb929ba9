/**
 * Fetches a feed or sitemap through src/net: a timeout, a streamed size cap, an XML content type,
 * redirects followed by hand with each hop checked against the URL policy, and conditional
 * requests (a 304 reads nothing).
 */
import type { Settings } from '../settings';
import { fetchOutbound } from '../net';

export type SourceFetch =
  | { ok: true; notModified: true }
  | { ok: true; notModified: false; xml: string; finalUrl: string; etag: string | null; lastModified: string | null }
  | { ok: false; error: string; retryAfterSeconds: number | null };

export async function fetchSource(
  url: string,
  settings: Settings,
  validators: { etag: string | null; lastModified: string | null },
  fetcher?: typeof fetch,
  maxBytes = settings.maxPageBytes,
): Promise<SourceFetch> {
  const conditional: Record<string, string> = {};
  if (validators.etag) conditional['if-none-match'] = validators.etag;
  if (validators.lastModified) conditional['if-modified-since'] = validators.lastModified;
  const got = await fetchOutbound(url, {
    expect: 'xml',
    policy: settings,
    maxBytes,
    timeoutMs: settings.fetchTimeoutMs,
    headers: {
      'user-agent': settings.userAgent,
      accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5',
      ...conditional,
    },
    transport: fetcher,
  });
  if (!got.ok) return { ok: false, error: got.message, retryAfterSeconds: got.retryAfterSeconds ?? null };
  if (got.notModified) return { ok: true, notModified: true };
  return {
    ok: true,
    notModified: false,
    xml: new TextDecoder().decode(got.bytes),
    finalUrl: got.url,
    etag: got.headers.get('etag'),
    lastModified: got.headers.get('last-modified'),
  };
}
