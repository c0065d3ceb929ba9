/**
 * src/net: every request Redline sends out goes through here (pages, feeds and sitemaps,
 * canonical probes, webhooks, posts). One call:
 *
 *   const got = await fetchOutbound(url, { expect: 'html', policy: settings, maxBytes, timeoutMs, headers });
 *   if (!got.ok) record(got.kind, got.message, got.status, got.retryAfterSeconds);
 *   else use(got.url, got.status, got.headers, got.bytes);
 *
 * - the URL policy (url-policy.ts) is checked on the first URL and on every redirect hop;
 *   redirects are followed by hand, at most 5, loops caught; a POST follows only 307/308, and
 *   credentials (authorization, cookie) are never carried to another origin;
 * - one deadline (timeoutMs) covers every hop's headers and the whole body;
 * - the body is read as a stream and abandoned past maxBytes, whatever Content-Length says;
 * - `expect` names what the caller can read ('html', 'xml', 'json', 'any', or 'none' to read
 *   nothing); another Content-Type is refused unread (a missing one is let through);
 * - it never throws: a failure is { ok: false, kind, message, status?, retryAfterSeconds? }.
 *
 * `policy` is a UrlPolicy: Settings is one, so pass `settings`. Nothing here reads storage.
 * docs/net.md explains the choices.
 */
export {
  fetchOutbound,
  MAX_REDIRECTS,
  type Expect,
  type Fetched,
  type FetchFailure,
  type FetchFailureKind,
  type FetchOutcome,
  type OutboundRequest,
} from './fetch';
export { LAST_MODIFIED_MIN_AGE_MS, usableLastModified } from './last-modified';
export { retryAfterSeconds } from './retry-after';
export {
  canonicalizeUrl,
  checkFetchableUrl,
  checkTrackableUrl,
  isPrivateHost,
  MAX_URL_LENGTH,
  trustedCanonical,
  type UrlPolicy,
  type UrlVerdict,
} from './url-policy';
