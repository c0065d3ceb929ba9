/**
 * HTML page routes: home, history, diff, the record of a site, the API docs. Every page is
 * escaped and sent with a strict CSP that allows no script.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { cardAltText, cardContent } from '../../cards';
import type { Env } from '../../settings';
import { getChangeToVersion } from '../../store';
import { changeRecordProblem } from '../../store/change-card';
import { indexForReads } from '../index-reads';
import { classifyChange } from '../../diff/kind';
import { kindFromQuery, kindsOfChange, parseSite } from '../../changes/select';
import { loadDiff, readableArticle } from '../load-diff';
import { parseArticleId, parseCursor, parseVersionNumber } from '../params';
import { publicOrigin } from '../public-origin';
import { siteRecord } from '../site-record';
import { apiDocsPage } from './api-docs';
import { diffPage } from './diff';
import { historyPage } from './history';
import { homePage } from './home';
import { layout } from './layout';
import { sitePage } from './site';

export const pages = new Hono<{ Bindings: Env }>();

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pages.use(async (c, next) => {
  await next();
  c.header('content-security-policy', PAGE_CSP);
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
});

const problemPage = (title: string, message: string) =>
  layout(title, html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the latest changes</a></p>`);
const notFoundPage = (message: string) => problemPage('Not found', message);

pages.get('/', async (c) => {
  const cursor = parseCursor(c.req.query('cursor'));
  const kindQuery = kindFromQuery(c.req.queries('kind') ?? []);
  const siteRaw = c.req.query('site');
  const site = siteRaw ? parseSite(siteRaw) : undefined;
  if ('error' in kindQuery) return c.html(problemPage('Unknown kind of change', kindQuery.error), 400);
  const { kind } = kindQuery;
  if (site === null) return c.html(problemPage('Unknown site', 'A site is a host name such as www.nytimes.com.'), 400);
  if (cursor === undefined) return c.html(problemPage('Bad request', 'That page of articles does not exist.'), 400);
  const home = await indexForReads(c.env).home({ site, kind, changes: 30, articles: 100, cursor });
  return c.html(homePage(home.articles, home.changes, home.sites, { site, kind }, home.cursor, home.notes));
});

pages.get('/articles/:id', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const [article, indexed] = id ? await Promise.all([readableArticle(c.env.REDLINE, id), indexForReads(c.env).article(id, 100)]) : [null, null];
  if (!article || !indexed) return c.html(notFoundPage('No such article.'), 404);
  return c.html(historyPage(article, indexed.cards));
});

/** The history page's compare form lands here and is sent on to the diff page. */
pages.get('/articles/:id/compare', (c) => {
  const id = parseArticleId(c.req.param('id'));
  const from = parseVersionNumber(c.req.query('from'));
  const to = parseVersionNumber(c.req.query('to'));
  if (!id || from === null || to === null) return c.html(problemPage('Bad request', 'Pick two versions to compare.'), 400);
  const [older, newer] = from < to ? [from, to] : [to, from];
  if (older === newer) return c.redirect(`/articles/${id}`, 302);
  return c.redirect(`/articles/${id}/diff/${older}/${newer}${c.req.query('view') === 'side' ? '?view=side' : ''}`, 302);
});

pages.get('/articles/:id/diff/:from/:to', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const article = id ? await readableArticle(c.env.REDLINE, id) : null;
  if (!article) return c.html(notFoundPage('No such article.'), 404);
  const from = parseVersionNumber(c.req.param('from'));
  const to = parseVersionNumber(c.req.param('to'));
  if (from === null || to === null) return c.html(notFoundPage('Versions are positive whole numbers.'), 400);
  const lookup = await loadDiff(c.env.REDLINE, article, from, to);
  if (!lookup.ok) return c.html(notFoundPage(lookup.error), lookup.status);
  const stored = to === from + 1 ? await getChangeToVersion(c.env.REDLINE, article.id, to) : null;
  const change = stored && !changeRecordProblem(stored) ? stored : null;
  const kinds = change ? kindsOfChange(change) : classifyChange(lookup.diff);
  const origin = (c.env.PUBLIC_URL || new URL(c.req.url).origin).replace(/\/+$/, '');
  const card = {
    url: `${origin}/articles/${article.id}/diff/${from}/${to}.png`,
    alt: cardAltText(cardContent({ article, from, to, diff: lookup.diff, kinds })),
  };
  return c.html(diffPage(article, from, to, lookup.diff, kinds, c.req.query('view') === 'side' ? 'side' : 'inline', card));
});

pages.get('/sites/:host', async (c) => {
  const site = parseSite(c.req.param('host'));
  if (!site) return c.html(notFoundPage('A site is a host name such as www.nytimes.com.'), 404);
  const { record, recent } = await siteRecord(c.env, site);
  if (!record.articlesTracked) return c.html(notFoundPage(`Redline tracks no article at ${site}.`), 404);
  return c.html(sitePage(record, recent));
});

pages.get('/api/docs', (c) => c.html(apiDocsPage(publicOrigin(c.env, c.req.url).origin)));
