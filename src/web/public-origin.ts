/**
 * The origin Redline's absolute links are built from (feeds, the API document, messages), and
 * how an answer holding them may be cached.
 *
 * With PUBLIC_URL set, links use its origin whatever the request says, and the answer may be
 * cached by anyone (`public`). Without it, links come from the request's Host, so the answer is
 * `private` and `Vary: Host`: a shared cache never keeps links that a request header chose and
 * serves them to others (cache poisoning). Browsers and feed readers still cache it and ask
 * again with its ETag.
 */
import type { Env } from '../settings';

export interface PublicOrigin {
  origin: string;
  /** True when it came from the request (no usable PUBLIC_URL). */
  fromRequest: boolean;
}

export function publicOrigin(env: Pick<Env, 'PUBLIC_URL'>, requestUrl: string): PublicOrigin {
  if (env.PUBLIC_URL) {
    try {
      const url = new URL(env.PUBLIC_URL);
      if (url.protocol === 'https:' || url.protocol === 'http:') return { origin: url.origin, fromRequest: false };
    } catch {
      // not a URL: fall through to the request's origin
    }
    console.warn(`PUBLIC_URL ${JSON.stringify(env.PUBLIC_URL)} is not an http(s) URL; links use the request's origin`);
  }
  return { origin: new URL(requestUrl).origin, fromRequest: true };
}

/** Cache headers for an answer that holds absolute links built from `origin`. */
export function cacheHeadersFor(origin: PublicOrigin, maxAgeSeconds: number, vary: string[] = []): Record<string, string> {
  return origin.fromRequest
    ? { 'cache-control': `private, max-age=${maxAgeSeconds}`, vary: ['Host', ...vary].join(', ') }
    : { 'cache-control': `public, max-age=${maxAgeSeconds}`, ...(vary.length ? { vary: vary.join(', ') } : {}) };
}
