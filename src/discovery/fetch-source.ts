/**
 * Fetches a feed or sitemap: a timeout, a size cap, redirects followed by hand with each hop
 * checked against the URL policy, and conditional requests (a 304 reads nothing).
 */
import { checkFetchableUrl } from '../check/url-policy';
import { retryAfterSeconds } from '../check/fetch-page';
import type { Settings } from '../env';

export type SourceFetch =
  | { ok: true; notModified: true }
  | { ok: true; notModified: false; xml: string; finalUrl: string; etag: string | null; lastModified: string | null }
  | { ok: false; error: string; retryAfterSeconds: number | null };

export async function fetchSource(url: string, settings: Settings, validators: { etag: string | null; lastModified: string | null }, fetcher: typeof fetch = fetch): Promise<SourceFetch> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.fetchTimeoutMs);
  try {
    let current = url;
    for (let hop = 0; hop <= 5; hop++) {
      const verdict = checkFetchableUrl(new URL(current), settings.allowPrivateUrls);
      if (!verdict.ok) return { ok: false, error: verdict.error, retryAfterSeconds: null };
      const headers: Record<string, string> = { 'user-agent': settings.userAgent, accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5' };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      const response = await fetcher(current, { redirect: 'manual', signal: controller.signal, headers });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        current = new URL(response.headers.get('location')!, current).href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { ok: true, notModified: true };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, error: `HTTP ${response.status}`, retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), response.status) };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > settings.maxPageBytes) {
        await response.body?.cancel();
        return { ok: false, error: `larger than ${settings.maxPageBytes} bytes`, retryAfterSeconds: null };
      }
      const xml = await response.text();
      if (xml.length > settings.maxPageBytes) return { ok: false, error: `larger than ${settings.maxPageBytes} bytes`, retryAfterSeconds: null };
      return { ok: true, notModified: false, xml, finalUrl: current, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    }
    return { ok: false, error: 'more than 5 redirects', retryAfterSeconds: null };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: `no answer within ${settings.fetchTimeoutMs} ms`, retryAfterSeconds: null };
    return { ok: false, error: error instanceof Error ? error.message : String(error), retryAfterSeconds: null };
  } finally {
    clearTimeout(timer);
  }
}
