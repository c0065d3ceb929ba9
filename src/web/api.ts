/** The JSON API under /api/v1 (see CONTRACT.md). Errors are {"error": message} with a 4xx status. */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ArticleNotFound, checkArticle, checkTrackableUrl, trackUrl, untrack } from '../check';
import { settingsFrom, type Env } from '../env';
import { changesNewestFirst, clearPending, getArticle, getVersion, listArticles } from '../store';
import { requireAdmin } from './auth';
import { loadDiff } from './load-diff';
import { parseArticleId, parseCursor, parseLimit, parseVersionNumber } from './params';

type ApiContext = Context<{ Bindings: Env }>;

export const api = new Hono<{ Bindings: Env }>();

const limitBody = bodyLimit({
  maxSize: 16 * 1024,
  onError: (c) => c.json({ error: 'request body is larger than 16 KB' }, 413),
});

async function readJsonObject(c: ApiContext): Promise<Record<string, unknown> | null> {
  try {
    const body = await c.req.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

async function findArticle(c: ApiContext) {
  const id = parseArticleId(c.req.param('id'));
  return id ? getArticle(c.env.REDLINE, id) : null;
}

/** KV throws on a cursor it did not issue: that is the caller's mistake, not a 500. */
async function listOr400(c: ApiContext, list: () => Promise<object>) {
  try {
    return c.json(await list());
  } catch (error) {
    if (c.req.query('cursor')) return c.json({ error: 'cursor is not valid' }, 400);
    throw error;
  }
}

const notFound = (c: ApiContext) => c.json({ error: 'no such article' }, 404);

api.post('/articles', requireAdmin, limitBody, async (c) => {
  const body = await readJsonObject(c);
  if (!body) return c.json({ error: 'body must be a JSON object like {"url": "https://..."}' }, 400);
  const verdict = checkTrackableUrl(body.url, settingsFrom(c.env).allowPrivateUrls);
  if (!verdict.ok) return c.json({ error: verdict.error }, 400);
  const { article, created } = await trackUrl(c.env, verdict.url);
  return c.json(article, created ? 201 : 200);
});

api.get('/articles', async (c) => {
  const cursor = parseCursor(c.req.query('cursor'));
  const limit = parseLimit(c.req.query('limit'), 100, 1000);
  if (cursor === undefined) return c.json({ error: 'cursor is not valid' }, 400);
  if (limit === null) return c.json({ error: 'limit must be a whole number from 1 to 1000' }, 400);
  return listOr400(c, () => listArticles(c.env.REDLINE, cursor, limit));
});

api.get('/articles/:id', async (c) => {
  const article = await findArticle(c);
  return article ? c.json(article) : notFound(c);
});

api.post('/articles/:id/check', requireAdmin, async (c) => {
  const article = await findArticle(c);
  if (!article) return notFound(c);
  if (!article.active) return c.json({ error: 'this article is no longer tracked' }, 409);
  try {
    const result = await checkArticle(c.env, settingsFrom(c.env), article.id);
    if (result.version === 1) await clearPending(c.env.REDLINE, article.id);
    return c.json(result);
  } catch (error) {
    if (error instanceof ArticleNotFound) return notFound(c);
    throw error;
  }
});

api.get('/articles/:id/versions/:n', async (c) => {
  const article = await findArticle(c);
  if (!article) return notFound(c);
  const n = parseVersionNumber(c.req.param('n'));
  if (n === null) return c.json({ error: 'version must be a positive whole number' }, 400);
  const version = await getVersion(c.env.REDLINE, article.id, n);
  if (!version) return c.json({ error: `no version ${n}` }, 404);
  const { n: number, fetchedAt, title, byline, text } = version;
  return c.json({ n: number, fetchedAt, title, byline, text });
});

api.get('/articles/:id/diff', async (c) => {
  const article = await findArticle(c);
  if (!article) return notFound(c);
  const [fromRaw, toRaw] = [c.req.query('from'), c.req.query('to')];
  const from = fromRaw === undefined ? undefined : parseVersionNumber(fromRaw);
  const to = toRaw === undefined ? undefined : parseVersionNumber(toRaw);
  if (from === null || to === null) return c.json({ error: 'from and to must be positive whole numbers' }, 400);
  const lookup = await loadDiff(c.env.REDLINE, article, from, to);
  return lookup.ok ? c.json(lookup.diff) : c.json({ error: lookup.error }, lookup.status);
});

api.get('/changes', async (c) => {
  const cursor = parseCursor(c.req.query('cursor'));
  const limit = parseLimit(c.req.query('limit'), 50, 1000);
  if (cursor === undefined) return c.json({ error: 'cursor is not valid' }, 400);
  if (limit === null) return c.json({ error: 'limit must be a whole number from 1 to 1000' }, 400);
  return listOr400(c, () => changesNewestFirst(c.env.REDLINE, cursor, limit));
});

api.delete('/articles/:id', requireAdmin, async (c) => {
  const article = await findArticle(c);
  if (!article) return notFound(c);
  await untrack(c.env, article.id);
  return c.body(null, 204);
});

api.notFound((c) => c.json({ error: `no such API call: ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
