/** Bearer-token auth for mutating calls: 503 when no token is configured, 401 when it does not match. */
import { createMiddleware } from 'hono/factory';
import type { Env } from '../settings';

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
  if (!given || !timingSafeEqual(given, token)) return c.json({ error: 'missing or wrong bearer token' }, 401);
  await next();
});
