/** Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP date, read as seconds to wait. */

const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/**
 * Seconds a site asked us to wait with a 429 or a 503, capped at a day; a 429 without a readable
 * Retry-After means one hour. Null for other statuses, and for a 503 that did not say.
 */
export function retryAfterSeconds(header: string | null, status: number, now = Date.now()): number | null {
  if (status !== 429 && status !== 503) return null;
  let seconds: number | null = null;
  if (header && /^\s*\d+\s*$/.test(header)) seconds = Number(header);
  else if (header && !Number.isNaN(Date.parse(header))) seconds = Math.ceil((Date.parse(header) - now) / 1000);
  if (seconds === null) return status === 429 ? 3600 : null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}
