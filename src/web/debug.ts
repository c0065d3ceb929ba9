/**
 * GET /__writer/:id answers what an article's Durable Object holds (its record, the latest text,
 * whether a publication is pending), so the soak (scripts/soak.ts) can check that KV and the
 * objects agree. Served only when BENCH_METRICS is "true", as /__metrics is; else null (a 404).
 */
import { writerFor } from '../check/article-writer';
import type { Env } from '../settings';
import { parseArticleId } from './params';

export async function debugResponse(request: Request, env: Env): Promise<Response | null> {
  if (env.BENCH_METRICS !== 'true') return null;
  const match = /^\/__writer\/([^/]+)$/.exec(new URL(request.url).pathname);
  if (!match) return null;
  const id = parseArticleId(match[1]);
  if (!id) return Response.json({ error: 'no such article' }, { status: 404 });
  const held = await writerFor(env, id).inspect();
  return held ? Response.json(held) : Response.json({ error: 'this object holds nothing' }, { status: 404 });
}
