/**
 * fetchOutbound: the one way Redline sends a request out (see src/net/index.ts for the contract).
 * Redirects are followed by hand so the URL policy sees every hop; one deadline covers the
 * headers and the body; the body is read as a stream and dropped past the cap whatever
 * Content-Length said; a Content-Type the caller cannot read is refused before reading.
 */
import { retryAfterSeconds } from './retry-after';
import { checkFetchableUrl, type UrlPolicy } from './url-policy';

export const MAX_REDIRECTS = 5;

/** What the caller will read. Another Content-Type is refused unread ('any' reads anything, 'none' reads nothing). */
export type Expect = 'html' | 'xml' | 'json' | 'any' | 'none';

export interface OutboundRequest {
  /** Default GET. A POST follows only 307 and 308 (the redirects that keep the method and body). */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent again on a 307/308, so never a stream. */
  body?: string | ArrayBuffer | Uint8Array | FormData | URLSearchParams;
  expect: Expect;
  policy: UrlPolicy;
  /** Largest body read, in bytes (ignored for 'none'). */
  maxBytes: number;
  /** Deadline for everything: every hop's headers and the body. */
  timeoutMs: number;
  maxRedirects?: number;
  /** Extra headers for one hop, by its URL (conditional requests for the URL a validator belongs to). */
  hopHeaders?: (url: string) => Record<string, string>;
  /** Tests only: stands in for the global fetch (called as a plain function, never as a method). */
  transport?: typeof fetch;
}

export interface Fetched {
  ok: true;
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: Headers;
  /** Empty for 'none' and for a 304. */
  bytes: Uint8Array;
  /** The server answered 304 to the conditional headers of hopHeaders. */
  notModified: boolean;
}

export type FetchFailureKind = 'refused' | 'redirects' | 'network' | 'timeout' | 'http' | 'too-large' | 'wrong-type';

export interface FetchFailure {
  ok: false;
  kind: FetchFailureKind;
  message: string;
  /** The HTTP status, when one came back. */
  status?: number;
  /** For a 429 or a 503: how long the site asked us to wait (a 429 without Retry-After: an hour). */
  retryAfterSeconds?: number;
}

export type FetchOutcome = Fetched | FetchFailure;

const TYPES: Record<Exclude<Expect, 'any' | 'none'>, RegExp> = {
  html: /^(text\/html|application\/xhtml\+xml)$/,
  // Feeds and sitemaps; text/plain because some servers label them so. The parser decides the rest.
  xml: /^(application|text)\/(([\w.-]+\+)?xml|rss|atom)$|^text\/plain$/,
  json: /^application\/([\w.-]+\+)?json$/,
};

const LABELS = { html: 'an HTML page', xml: 'a feed or sitemap', json: 'JSON' } as const;

/** Headers that carry a credential: never sent on to another origin by a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

const fail = (kind: FetchFailureKind, message: string, status?: number): FetchFailure =>
  status === undefined ? { ok: false, kind, message } : { ok: false, kind, message, status };

class Timeout extends Error {}

export async function fetchOutbound(url: string, request: OutboundRequest): Promise<FetchOutcome> {
  const maxRedirects = request.maxRedirects ?? MAX_REDIRECTS;
  const controller = new AbortController();
  const timedOut = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Timeout())));
  timedOut.catch(() => {}); // raced below; an abort after the answer must not surface as unhandled
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  const send = request.transport ?? fetch;
  try {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return fail('refused', `not a valid URL: ${url}`);
    }
    const first = current.origin;
    const method: string = request.method ?? 'GET';
    const seen = new Set<string>();
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const verdict = checkFetchableUrl(current, request.policy);
      if (!verdict.ok) return fail('refused', hop === 0 ? verdict.error : `redirected to ${current.href}: ${verdict.error}`);
      seen.add(current.href);
      const headers = new Headers({ ...request.headers, ...request.hopHeaders?.(current.href) });
      if (current.origin !== first) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      const response = await Promise.race([
        send(current.href, { method, headers, body: request.body, redirect: 'manual', signal: controller.signal }),
        timedOut,
      ]);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        await response.body?.cancel();
        if (method !== 'GET' && method !== 'HEAD' && response.status !== 307 && response.status !== 308) {
          return fail('redirects', `a ${response.status} redirect would turn the ${method} into a GET; not followed`, response.status);
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail('redirects', `redirected to an invalid URL: ${location.slice(0, 200)}`, response.status);
        }
        if (seen.has(next.href)) return fail('redirects', `redirect loop at ${next.href}`);
        current = next;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { ok: true, url: current.href, status: 304, headers: response.headers, bytes: new Uint8Array(), notModified: true };
      }
      if (!response.ok) {
        await response.body?.cancel();
        const failure = fail('http', `HTTP ${response.status}`, response.status);
        const wait = retryAfterSeconds(response.headers.get('retry-after'), response.status);
        return wait === null ? failure : { ...failure, retryAfterSeconds: wait };
      }
      if (request.expect === 'none') {
        await response.body?.cancel();
        return { ok: true, url: current.href, status: response.status, headers: response.headers, bytes: new Uint8Array(), notModified: false };
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (request.expect !== 'any' && type && !TYPES[request.expect].test(type)) {
        await response.body?.cancel();
        return fail('wrong-type', `not ${LABELS[request.expect]} (${type})`, response.status);
      }
      const bytes = await readCapped(response, request.maxBytes, timedOut);
      if (!bytes) return fail('too-large', `body is larger than ${request.maxBytes} bytes`, response.status);
      return { ok: true, url: current.href, status: response.status, headers: response.headers, bytes, notModified: false };
    }
    return fail('redirects', `more than ${maxRedirects} redirects`);
  } catch (error) {
    if (error instanceof Timeout || controller.signal.aborted) return fail('timeout', `no answer within ${request.timeoutMs} ms`);
    return fail('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
    controller.abort(); // ends anything still open (a body nobody read)
  }
}

/** Reads a body up to `limit` bytes; null (and the stream cancelled) past it, however it is sent. */
async function readCapped(response: Response, limit: number, timedOut: Promise<never>): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), timedOut]);
      if (done) break;
      size += value.byteLength;
      if (size > limit) return null;
      chunks.push(value);
    }
  } finally {
    reader.cancel().catch(() => {}); // past the cap or the deadline: stop the transfer (a no-op once done)
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
