/**
 * Fetches one article page safely: a timeout, a streamed size cap, HTML only, redirects followed
 * by hand (at most 5, each hop checked against the URL policy) and the final URL recorded.
 * Every failure comes back as a classified FetchFailure, never as a thrown error.
 *
 * Conditional requests: given the validators (ETag, Last-Modified) of the stored version and the
 * URL they belong to, the hop that reaches that URL asks If-None-Match / If-Modified-Since, and a
 * 304 comes back as `notModified` with no body to read or parse.
 */
import { decodeHtml } from '../extract/charset';
import type { Settings } from '../env';
import { checkFetchableUrl } from './url-policy';

export const MAX_REDIRECTS = 5;

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

const fail = (kind: FetchFailureKind, message: string, status?: number): FetchFailure => ({ ok: false, kind, message, status });

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

export async function fetchPage(url: string, settings: Settings, fetcher: typeof fetch = fetch, validators: Validators | null = null): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.fetchTimeoutMs);
  try {
    let current = url;
    const seen = new Set<string>();
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const verdict = checkFetchableUrl(new URL(current), settings.allowPrivateUrls);
      if (!verdict.ok) return fail('refused', verdict.error);
      seen.add(current);
      const response = await fetcher(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': settings.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', ...conditionalHeaders(current, validators) },
      });
      if (response.status === 304 && validators?.url === current) {
        await response.body?.cancel();
        return { ok: true, finalUrl: current, status: 304, html: '', notModified: true, etag: validators.etag, lastModified: validators.lastModified };
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location')!, current).href;
        if (seen.has(next)) return fail('redirects', `redirect loop at ${next}`);
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const failure = fail('http', `HTTP ${response.status}`, response.status);
        const wait = retryAfterSeconds(response.headers.get('retry-after'), response.status);
        return wait === null ? failure : { ...failure, retryAfterSeconds: wait };
      }
      const type = response.headers.get('content-type');
      if (type && !HTML_TYPES.test(type.trim())) {
        await response.body?.cancel();
        return fail('not-html', `not an HTML page (${type.split(';')[0]})`, response.status);
      }
      const bytes = await readCapped(response, settings.maxPageBytes);
      if (!bytes) return fail('too-large', `page is larger than ${settings.maxPageBytes} bytes`, response.status);
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      return { ok: true, finalUrl: current, status: response.status, html: decodeHtml(bytes, type), etag, lastModified };
    }
    return fail('redirects', `more than ${MAX_REDIRECTS} redirects`);
  } catch (error) {
    if (controller.signal.aborted) return fail('timeout', `no answer within ${settings.fetchTimeoutMs} ms`);
    return fail('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

function conditionalHeaders(url: string, validators: Validators | null): Record<string, string> {
  if (!validators || validators.url !== url) return {};
  const headers: Record<string, string> = {};
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/** Seconds to wait from a Retry-After header (seconds or an HTTP date), capped at a day. */
export function retryAfterSeconds(header: string | null, status: number, now = Date.now()): number | null {
  if (status !== 429 && status !== 503) return null;
  let seconds: number | null = null;
  if (header && /^\s*\d+\s*$/.test(header)) seconds = Number(header);
  else if (header && !Number.isNaN(Date.parse(header))) seconds = Math.ceil((Date.parse(header) - now) / 1000);
  if (seconds === null) return status === 429 ? 3600 : null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}

/** Reads a body up to `limit` bytes; null (and the stream cancelled) beyond it. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
