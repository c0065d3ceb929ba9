/** HTML page routes: home, history, diff. Every page is escaped and sent with a strict CSP. */
import { Hono } from 'hono';
import type { Env } from '../../env';
import { changesNewestFirst, getArticle, getChangeToVersion, listArticles, type ChangeRecord } from '../../store';
import { loadDiff } from '../load-diff';
import { parseArticleId, parseCursor, parseVersionNumber } from '../params';
import { diffPage } from './diff';
import { historyPage } from './history';
import { homePage } from './home';
import { layout } from './layout';
import { html } from 'hono/html';

export const pages = new Hono<{ Bindings: Env }>();

pages.use(async (c, next) => {
  await next();
  c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
});

const notFoundPage = (message: string) => layout('Not found', html`<h1>Not found</h1><p>${message}</p>`);

pages.get('/', async (c) => {
  const cursor = parseCursor(c.req.query('cursor'));
  const [articles, changes] = await Promise.all([listArticles(c.env.REDLINE, cursor ?? null, 100), changesNewestFirst(c.env.REDLINE, null, 20)]);
  return c.html(homePage(articles, changes));
});

pages.get('/articles/:id', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const article = id ? await getArticle(c.env.REDLINE, id) : null;
  if (!article) return c.html(notFoundPage('No such article.'), 404);
  const recent = article.versions.filter((v) => v.n > 1).slice(-50);
  const changes = await Promise.all(recent.map((v) => getChangeToVersion(c.env.REDLINE, article.id, v.n)));
  const byVersion = new Map(changes.filter((ch): ch is ChangeRecord => ch !== null).map((ch) => [ch.to, ch]));
  return c.html(historyPage(article, byVersion));
});

pages.get('/articles/:id/diff/:from/:to', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const article = id ? await getArticle(c.env.REDLINE, id) : null;
  if (!article) return c.html(notFoundPage('No such article.'), 404);
  const from = parseVersionNumber(c.req.param('from'));
  const to = parseVersionNumber(c.req.param('to'));
  if (from === null || to === null) return c.html(notFoundPage('Versions are positive whole numbers.'), 400);
  const lookup = await loadDiff(c.env.REDLINE, article, from, to);
  if (!lookup.ok) return c.html(notFoundPage(lookup.error), lookup.status);
  return c.html(diffPage(article, from, to, lookup.diff));
});
