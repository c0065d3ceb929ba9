/**
 * Fetches one article page through src/net: a timeout, a streamed size cap, HTML only, redirects followed
 * by hand (at most 5, each hop checked against the URL policy) and the final URL recorded.
 * Every failure comes back as a classified FetchFailure, never as a thrown error.
 *
 * Conditional requests: given the validators (ETag, Last-Modified) of the stored version and the
 * URL they belong to, the hop that reaches that URL asks If-None-Match / If-Modified-Since, and a
 * 304 comes back as `notModified` with no body to read or parse.
 */
import { decodeHtml } from '../extract/charset';
import type { Settings } from '../settings';
import { fetchOutbound } from '../net';

export { MAX_REDIRECTS, retryAfterSeconds } from '../net';

export type FetchFailureKind = 'network' | 'timeout' | 'http' | 'too-large' | 'not-html' | 'redirects' | 'refused';

export interface FetchFailure {
  ok: false;
  kind: FetchFailureKind;
  message: string;
  status?: number;
  /** The site asked us to wait (429 or 503 with Retry-After; 429 alone means one hour). */
  retryAfterSeconds?: number;
}

export interface FetchedPage {
  ok: true;
  finalUrl: string;
  status: number;
  /** Empty when notModified. */
  html: string;
  /** The body as the server sent it, before decoding (kept as evidence: src/evidence). Empty when notModified. */
  raw?: Uint8Array;
  contentType?: string | null;
  /** The server answered 304 to our validators: the page is the stored version. */
  notModified?: boolean;
  etag?: string | null;
  lastModified?: string | null;
}

/** Validators of a stored version and the URL that answered them. */
export interface Validators {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult = FetchedPage | FetchFailure;

export async function fetchPage(url: string, settings: Settings, fetcher?: typeof fetch, validators: Validators | null = null): Promise<FetchResult> {
  const got = await fetchOutbound(url, {
    expect: 'html',
    policy: settings,
    maxBytes: settings.maxPageBytes,
    timeoutMs: settings.fetchTimeoutMs,
    headers: { 'user-agent': settings.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
    hopHeaders: (hop) => conditionalHeaders(hop, validators),
    transport: fetcher,
  });
  if (!got.ok) {
    return { ...got, kind: got.kind === 'wrong-type' ? 'not-html' : got.kind };
  }
  if (got.notModified) {
    if (validators?.url !== got.url) return { ok: false, kind: 'http', message: 'HTTP 304 to a request without validators', status: 304 };
    return { ok: true, finalUrl: got.url, status: 304, html: '', notModified: true, etag: validators.etag, lastModified: validators.lastModified };
  }
  const type = got.headers.get('content-type');
  return {
    ok: true,
    finalUrl: got.url,
    status: got.status,
    html: decodeHtml(got.bytes, type),
    raw: got.bytes,
    contentType: type,
    etag: got.headers.get('etag'),
    lastModified: got.headers.get('last-modified'),
  };
}

function conditionalHeaders(url: string, validators: Validators | null): Record<string, string> {
  if (!validators || validators.url !== url) return {};
  const headers: Record<string, string> = {};
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}
