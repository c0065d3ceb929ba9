/**
 * Bearer-token auth for mutating calls: 503 when no token is configured, 401 when it does not
 * match, 429 with Retry-After to a client that sent too many wrong ones (src/web/auth-guard.ts).
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Env } from '../settings';
import { authGuard, type GuardVerdict } from './auth-guard';

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < left.length; i++) difference |= left[i] ^ (right[i % Math.max(1, right.length)] ?? 0);
  return difference === 0;
}

export const requireAdmin = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const token = c.env.ADMIN_TOKEN;
  if (!token) return c.json({ error: 'ADMIN_TOKEN is not configured on this Worker: mutations are disabled' }, 503);
  const header = c.req.header('authorization') ?? '';
  // The scheme is case-insensitive (RFC 9110 §11.1): "bearer x" is the same as "Bearer x".
  const match = /^bearer +(\S+)\s*$/i.exec(header);
  const given = match ? match[1] : '';
  if (!given) return c.json({ error: 'missing or wrong bearer token' }, 401);
  const verdict = await checkToken(c.env, c.req.raw, given, token);
  if (verdict.retryAfterSeconds !== null) return tooManyGuesses(c, verdict);
  if (!verdict.ok) return c.json({ error: 'missing or wrong bearer token' }, 401);
  await next();
});

/**
 * A token a client presented, compared in constant time and counted by the client's guard: a
 * wrong one is a failure; a refused client is refused whether it is right or not (else the guard
 * would tell a guesser when it got there). One call to the guard either way.
 */
export async function checkToken(env: Pick<Env, 'AUTH_GUARD'>, request: Request, given: string, token: string): Promise<GuardVerdict & { ok: boolean }> {
  const ok = timingSafeEqual(given, token);
  const guard = authGuard(env, request);
  return { ok, ...(ok ? await guard.verdict() : await guard.failed()) };
}

/** The 429 a refused client gets from the API. */
export function tooManyGuesses(c: Context, verdict: GuardVerdict): Response {
  c.header('retry-after', String(verdict.retryAfterSeconds));
  return c.json({ error: `too many wrong tokens from this address: try again in ${verdict.retryAfterSeconds} s` }, 429);
}
