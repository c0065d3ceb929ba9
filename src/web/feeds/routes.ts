/** Feed routes: /feed.xml (every article) and /articles/:id/feed.xml (one article). */
import { Hono } from 'hono';
import type { Env } from '../../env';
import { changesNewestFirst, getArticle, getChangeToVersion, type ChangeRecord } from '../../store';
import { parseArticleId } from '../params';
import { rssFeed } from './rss';

export const FEED_ITEMS = 30;

export const feeds = new Hono<{ Bindings: Env }>();

const rss = (body: string) =>
  new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=60' } });

async function loadChanges(kv: KVNamespace, refs: { id: string; to: number }[]): Promise<ChangeRecord[]> {
  const changes = await Promise.all(refs.map((ref) => getChangeToVersion(kv, ref.id, ref.to)));
  return changes.filter((change): change is ChangeRecord => change !== null);
}

feeds.get('/feed.xml', async (c) => {
  const origin = new URL(c.req.url).origin;
  const { changes } = await changesNewestFirst(c.env.REDLINE, null, FEED_ITEMS);
  const records = await loadChanges(c.env.REDLINE, changes);
  return rss(
    await rssFeed(
      { title: 'Redline: latest changes', description: 'Edits to tracked news articles, word by word.', link: `${origin}/`, self: `${origin}/feed.xml`, origin },
      records,
    ),
  );
});

feeds.get('/articles/:id/feed.xml', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const article = id ? await getArticle(c.env.REDLINE, id) : null;
  if (!article) return c.text('No such article', 404);
  const origin = new URL(c.req.url).origin;
  const refs = article.versions
    .filter((v) => v.n > 1)
    .slice(-FEED_ITEMS)
    .reverse()
    .map((v) => ({ id: article.id, to: v.n }));
  return rss(
    await rssFeed(
      {
        title: `Redline: ${article.title ?? article.url}`,
        description: `Edits to ${article.url}, word by word.`,
        link: `${origin}/articles/${article.id}`,
        self: `${origin}/articles/${article.id}/feed.xml`,
        origin,
      },
      await loadChanges(c.env.REDLINE, refs),
    ),
  );
});
