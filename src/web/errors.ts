/**
 * Errors handled in one place, for the whole app and the API: a platform error (a spent quota,
 * an overloaded object, src/store/platform-error.ts) answers 503 with Retry-After, as JSON under
 * /api/ and as a page elsewhere; anything else is a bug, logged, and answers 500.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeError, isPlatformError, RETRY_AFTER_SECONDS } from '../store/platform-error';

export function answerError(error: Error, c: Context): Response {
  if (error instanceof HTTPException && new URL(c.req.url).pathname.startsWith('/api/')) return c.json({ error: error.message }, error.status);
  if (error instanceof HTTPException) return error.getResponse();
  const api = new URL(c.req.url).pathname.startsWith('/api/');
  if (isPlatformError(error)) {
    console.error(`platform error, answered 503: ${describeError(error)}`);
    c.header('retry-after', String(RETRY_AFTER_SECONDS));
    c.header('cache-control', 'no-store');
    return api
      ? c.json({ error: 'temporarily unavailable: try again later' }, 503)
      : c.text('Redline is temporarily unavailable (a storage quota or a platform error). Try again in a few minutes.', 503);
  }
  console.error(error);
  return api ? c.json({ error: 'internal error' }, 500) : c.text('Internal error', 500);
}
