/**
 * `/articles/:id/diff/:from/:to.png`: the diff card. Served from the Cache API when this data
 * centre has it (custom domains only: on workers.dev the Cache API does nothing), else from KV
 * (the card of a published change, kept when first drawn), else drawn now (100 ms or more of CPU,
 * see docs/cards-posting.md) and kept in both.
 */
import { Hono } from 'hono';
import { CARD_DESIGN, drawCard, storedCard } from '../cards';
import { classifyChange } from '../diff/kind';
import type { Env } from '../settings';
import { getArticle, getChangeToVersion } from '../store';
import { kindsOfChange } from '../store/change-card';
import { loadDiff } from './load-diff';
import { parseArticleId, parseVersionNumber } from './params';

export const cardRoutes = new Hono<{ Bindings: Env }>();

const CACHE_CONTROL = 'public, max-age=86400';

/** A textless card (the text could not be drawn) is kept briefly: a fixed renderer soon redraws it. */
const TEXTLESS_CACHE_CONTROL = 'public, max-age=300';

function pngResponse(png: Uint8Array, source: string): Response {
  return new Response(png, {
    headers: {
      'content-type': 'image/png',
      'cache-control': source === 'textless' ? TEXTLESS_CACHE_CONTROL : CACHE_CONTROL,
      'x-content-type-options': 'nosniff',
      'x-card-source': source,
    },
  });
}

/** The Cache API, where there is one: absent in some runtimes, and a no-op on workers.dev. */
const edgeCache = (): Cache | null => (typeof caches === 'undefined' ? null : caches.default);

cardRoutes.get('/articles/:id/diff/:from/:file{[0-9]+\\.png}', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const from = parseVersionNumber(c.req.param('from'));
  const to = parseVersionNumber(c.req.param('file').slice(0, -'.png'.length));
  if (!id) return c.text('No such article.', 404);
  if (from === null || to === null) return c.text('Versions are positive whole numbers.', 400);
  const cacheKey = new Request(`${new URL(c.req.url).origin}/articles/${id}/diff/${from}/${to}.png?design=${CARD_DESIGN}`);
  const cache = edgeCache();
  const cached = await cache?.match(cacheKey);
  if (cached) return new Response(cached.body, { headers: { ...Object.fromEntries(cached.headers), 'x-card-source': 'cache' } });
  const article = await getArticle(c.env.REDLINE, id);
  if (!article) return c.text('No such article.', 404);
  const stored = from < to && to <= article.versions.length ? await storedCard(c.env.REDLINE, id, from, to) : null;
  let response: Response;
  if (stored) response = pngResponse(stored, 'kv');
  else {
    const lookup = await loadDiff(c.env.REDLINE, article, from, to);
    if (!lookup.ok) return c.text(lookup.error, lookup.status);
    const change = to === from + 1 ? await getChangeToVersion(c.env.REDLINE, id, to) : null;
    const kinds = change ? kindsOfChange(change) : classifyChange(lookup.diff);
    const drawn = await drawCard(c.env.REDLINE, { article, from, to, diff: lookup.diff, kinds });
    c.executionCtx.waitUntil(drawn.keep);
    response = pngResponse(drawn.png, drawn.textless ? 'textless' : 'drawn');
  }
  if (cache && response.headers.get('x-card-source') !== 'textless') c.executionCtx.waitUntil(cache.put(cacheKey, response.clone()));
  return response;
});
