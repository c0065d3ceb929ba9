/**
 * When a stored Last-Modified may be sent back as If-Modified-Since.
 *
 * HTTP dates have one-second precision, so a Last-Modified as new as the answer that carried it
 * is a weak validator (RFC 9110 §8.8.2.2): the resource can change again within that second and
 * keep it, and a server comparing dates would answer 304 to the changed resource. The RFC calls a
 * Last-Modified strong only when it is sufficiently older than the answer's Date; caches take
 * 60 seconds. An ETag has no such limit and is always sent as If-None-Match.
 */
export const LAST_MODIFIED_MIN_AGE_MS = 60_000;

/** True when `lastModified` is at least 60 s older than `fetchedAt` (an ISO time or an HTTP date). */
export function usableLastModified(lastModified: string | null | undefined, fetchedAt: string | null | undefined): boolean {
  if (!lastModified || !fetchedAt) return false;
  const modified = Date.parse(lastModified);
  const fetched = Date.parse(fetchedAt);
  return Number.isFinite(modified) && Number.isFinite(fetched) && fetched - modified >= LAST_MODIFIED_MIN_AGE_MS;
}
