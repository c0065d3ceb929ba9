/**
 * The JSON API under /api/v1 (see CONTRACT.md). Errors are {"error": message} with a 4xx status.
 * Every route is declared with its schemas (src/web/openapi-schemas.ts): they validate the
 * request and generate the OpenAPI document served at /api/v1/openapi.json.
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { limitBody } from './body-limit';
import { ArticleNotFound, checkArticle, checkTrackableUrl, trackUrl, untrack } from '../check';
import { settingsFrom, type Env } from '../settings';
import { clearPending, getArticle, getVersion, listArticles, type ChangeKind } from '../store';
import { postingSettings, recentPosts } from '../notify/posts';
import { requireAdmin } from './auth';
import { answerError } from './errors';
import { notifyWebhooks, recentDeliveries, webhookEntries, type WebhookEnv } from '../notify/webhooks';
import { kindFromQuery, loadChange, parseSite, selectChanges } from '../changes/select';
import { loadDiff } from './load-diff';
import { documentInfo, registerOtherRoutes } from './openapi';
import { forClients } from './openapi-client';
import {
  ArticleIdParams,
  ArticleListSchema,
  ArticleSchema,
  ArticlesQuery,
  ChangeListSchema,
  ChangesQuery,
  CheckResultSchema,
  DiffQuery,
  DiffSchema,
  authResponses,
  errorResponse,
  jsonContent,
  SiteParams,
  SiteRecordSchema,
  TrackRequest,
  VersionParams,
  VersionSchema,
  PostDeliveriesSchema,
  WebhookDeliveriesSchema,
} from './openapi-schemas';
import { CURSOR_MESSAGE, issueCursor, readCursor } from './page-cursor';
import { jsonObjectBody, parseArticleId } from './params';
import { cacheHeadersFor, publicOrigin } from './public-origin';
import { siteRecord } from './site-record';

type ApiContext = Context<{ Bindings: Env }>;

const notFound = (c: ApiContext) => c.json({ error: 'no such article' }, 404);

/**
 * A request that fails its schema answers 400 with the schema's message, except that an unknown
 * article answers 404 first (as it always has: the article is looked up before anything else).
 */
export const api = new OpenAPIHono<{ Bindings: Env }>({
  defaultHook: async (result, c) => {
    if (result.success) return;
    const id = c.req.param('id');
    if (id !== undefined && !(parseArticleId(id) && (await getArticle(c.env.REDLINE, id)))) return c.json({ error: 'no such article' }, 404);
    // ?kind= has one rule everywhere (feeds, pages): an unknown value is named, even beside a known one.
    if (result.error.issues[0]?.path[0] === 'kind') {
      const kindQuery = kindFromQuery(new URL(c.req.url).searchParams.getAll('kind'));
      if ('error' in kindQuery) return c.json({ error: kindQuery.error }, 400);
    }
    // ?from=1&from=2 reaches the schema as an array: say what is wrong instead of zod's type message.
    const repeated = repeatedQueryParameter(c.req.url);
    if (repeated) return c.json({ error: `${repeated} is given more than once: give each query parameter once` }, 400);
    return c.json({ error: result.error.issues[0]?.message ?? 'bad request' }, 400);
  },
});

/** The first query parameter the URL gives more than once, if any. */
function repeatedQueryParameter(url: string): string | null {
  const seen = new Set<string>();
  for (const name of new URL(url).searchParams.keys()) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

api.onError(answerError);

const limitJsonBody = limitBody(16 * 1024, (c) => c.json({ error: 'request body is larger than 16 KB' }, 413));

const bearer = [{ bearer: [] }];

async function findArticle(c: ApiContext) {
  const id = parseArticleId(c.req.param('id'));
  return id ? getArticle(c.env.REDLINE, id) : null;
}

/**
 * One page of a paginated list, the same on every list: the cursor read and checked
 * (src/web/page-cursor.ts), the next one issued; a cursor the list never gave out is a 400, and so
 * is one the store throws on (the caller's mistake, not a 500).
 */
async function listPage<Page extends { cursor: string | null }>(c: ApiContext, list: string, read: (cursor: string | null) => Promise<Page>) {
  const cursor = readCursor(list, c.req.query('cursor'));
  if (cursor === undefined) return c.json({ error: CURSOR_MESSAGE }, 400);
  let page: Page;
  try {
    page = await read(cursor);
  } catch (error) {
    if (cursor) return c.json({ error: CURSOR_MESSAGE }, 400);
    throw error;
  }
  return c.json({ ...page, cursor: issueCursor(list, page.cursor) }, 200);
}

// Each handler's answers are typed by its route: a body that does not fit the declared schema, or a
// status the route does not declare, fails the typecheck. Statuses are written out (c.json(body, 200))
// because c.json(body) alone could be any status the route declares.

const pageSize = (raw: string | undefined, fallback: number) => (raw ? Number(raw) : fallback);

// ---- articles ---------------------------------------------------------------------------------

/**
 * POST /articles accepts a JSON body whatever its content type (curl -d sends a form type), so
 * it is mounted by hand and validated with the same TrackRequest schema the document shows.
 */
const trackRoute = createRoute({
  method: 'post',
  path: '/articles',
  summary: 'Track an article',
  description: 'Starts checking a URL; the next cron tick stores its first version.',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: TrackRequest } }, required: true } },
  responses: {
    201: jsonContent(ArticleSchema, 'The new article record.'),
    200: jsonContent(ArticleSchema, 'The URL was tracked already: its record.'),
    400: errorResponse('Not JSON, or a URL that is not http(s), unparsable, over 2048 characters, or private.'),
    ...authResponses,
    413: errorResponse('Body over 16 KB.'),
  },
});
api.openAPIRegistry.registerPath(trackRoute);
api.post('/articles', requireAdmin, limitJsonBody, async (c) => {
  const body = await jsonObjectBody(c.req);
  if (!body) return c.json({ error: 'body must be a JSON object like {"url": "https://..."}' }, 400);
  const parsed = TrackRequest.safeParse(body);
  if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message ?? 'bad request' }, 400);
  const verdict = checkTrackableUrl(parsed.data.url, settingsFrom(c.env));
  if (!verdict.ok) return c.json({ error: verdict.error }, 400);
  const { article, created } = await trackUrl(c.env, verdict.url);
  return c.json(article, created ? 201 : 200);
});

api.openapi(
  createRoute({
    method: 'get',
    path: '/articles',
    summary: 'List tracked articles',
    request: { query: ArticlesQuery },
    responses: {
      200: jsonContent(ArticleListSchema, 'A page of articles and the cursor of the next (null at the end).'),
      400: errorResponse('Bad cursor or limit.'),
    },
  }),
  (c) => {
    const { limit } = c.req.valid('query');
    return listPage(c, 'articles', (cursor) => listArticles(c.env.REDLINE, cursor, pageSize(limit, 100)));
  },
);

api.openapi(
  createRoute({
    method: 'get',
    path: '/articles/{id}',
    summary: 'One article',
    description: 'The record, its versions oldest first, and the outcome of the last check.',
    request: { params: ArticleIdParams },
    responses: { 200: jsonContent(ArticleSchema, 'The article record.'), 404: errorResponse('No such article.') },
  }),
  async (c) => {
    const article = await findArticle(c);
    return article ? c.json(article, 200) : notFound(c);
  },
);

api.openapi(
  createRoute({
    method: 'post',
    path: '/articles/{id}/check',
    summary: 'Check an article now',
    security: bearer,
    middleware: [requireAdmin] as const,
    request: { params: ArticleIdParams },
    responses: {
      200: jsonContent(CheckResultSchema, 'What the check found.'),
      ...authResponses,
      404: errorResponse('No such article.'),
      409: errorResponse('The article is no longer tracked.'),
    },
  }),
  async (c) => {
    const article = await findArticle(c);
    if (!article) return notFound(c);
    if (!article.active) return c.json({ error: 'this article is no longer tracked' }, 409);
    try {
      const result = await checkArticle(c.env, settingsFrom(c.env), article.id);
      if (result.version === 1) await clearPending(c.env, [article.id]);
      return c.json(result, 200);
    } catch (error) {
      if (error instanceof ArticleNotFound) return notFound(c);
      throw error;
    }
  },
);

api.openapi(
  createRoute({
    method: 'get',
    path: '/articles/{id}/versions/{n}',
    summary: 'One version of an article',
    request: { params: VersionParams },
    responses: {
      200: jsonContent(VersionSchema, "The version's headline, byline and body text."),
      400: errorResponse('Not a version number.'),
      404: errorResponse('No such article or version.'),
    },
  }),
  async (c) => {
    const article = await findArticle(c);
    if (!article) return notFound(c);
    const n = Number(c.req.valid('param').n);
    const version = await getVersion(c.env.REDLINE, article.id, n);
    if (!version) return c.json({ error: `no version ${n}` }, 404);
    const { n: number, fetchedAt, title, byline, text } = version;
    return c.json({ n: number, fetchedAt, title, byline, text }, 200);
  },
);

api.openapi(
  createRoute({
    method: 'get',
    path: '/articles/{id}/diff',
    summary: 'The diff between two versions',
    description: 'Word-level; by default between the last two versions.',
    request: { params: ArticleIdParams, query: DiffQuery },
    responses: {
      200: jsonContent(DiffSchema, 'The Diff.'),
      400: errorResponse('Bad version numbers.'),
      404: errorResponse('No such article or version, or fewer than two versions.'),
    },
  }),
  async (c) => {
    const article = await findArticle(c);
    if (!article) return notFound(c);
    const { from, to } = c.req.valid('query');
    const lookup = await loadDiff(c.env.REDLINE, article, from ? Number(from) : undefined, to ? Number(to) : undefined);
    return lookup.ok ? c.json(lookup.diff, 200) : c.json({ error: lookup.error }, lookup.status);
  },
);

api.openapi(
  createRoute({
    method: 'delete',
    path: '/articles/{id}',
    summary: 'Stop tracking an article',
    description: 'Its history stays readable.',
    security: bearer,
    middleware: [requireAdmin] as const,
    request: { params: ArticleIdParams },
    responses: {
      204: { description: 'Stopped.' },
      ...authResponses,
      404: errorResponse('No such article.'),
    },
  }),
  async (c) => {
    const article = await findArticle(c);
    if (!article) return notFound(c);
    await untrack(c.env, article.id);
    return c.body(null, 204);
  },
);

// ---- changes and sites --------------------------------------------------------------------------

api.openapi(
  createRoute({
    method: 'get',
    path: '/changes',
    summary: 'Latest changes, newest first',
    description: "With `kind`, only changes of that kind; with `site`, only that outlet's.",
    request: { query: ChangesQuery },
    responses: {
      200: jsonContent(ChangeListSchema, 'A page of changes and the cursor of the next (null at the end).'),
      400: errorResponse('Bad cursor, limit, kind or site.'),
    },
  }),
  (c) => {
    const { limit, kind, site } = c.req.valid('query');
    const host = site ? parseSite(site) : undefined;
    if (host === null) return c.json({ error: 'site must be a host name' }, 400);
    // The store lists an outlet's changes under a prefix of its own: its cursors are its own list's.
    return listPage(c, host ? `changes:${host}` : 'changes', (cursor) =>
      selectChanges(c.env.REDLINE, { cursor, limit: pageSize(limit, 50), kind: kind as ChangeKind | undefined, site: host }),
    );
  },
);

api.openapi(
  createRoute({
    method: 'get',
    path: '/sites/{host}',
    summary: 'The record of one outlet',
    description: 'Articles tracked and changed, changes by kind, the share of silent edits, the median time to first change.',
    request: { params: SiteParams },
    responses: { 200: jsonContent(SiteRecordSchema, 'The record.'), 404: errorResponse('No article tracked at this host.') },
  }),
  async (c) => {
    const site = parseSite(c.req.valid('param').host);
    if (!site) return c.json({ error: 'no such site' }, 404);
    const { record } = await siteRecord(c.env, site);
    if (!record.articlesTracked) return c.json({ error: `no article tracked at ${site}` }, 404);
    c.header('cache-control', 'public, max-age=60');
    return c.json(record, 200);
  },
);

// ---- webhooks -------------------------------------------------------------------------------------

api.openapi(
  createRoute({
    method: 'get',
    path: '/webhooks',
    summary: 'Recent webhook deliveries',
    description: 'Each delivery of a change to a webhook URL (named by host and a hash, never the URL): its attempts and outcome, newest first, kept 30 days.',
    security: bearer,
    middleware: [requireAdmin] as const,
    responses: {
      200: jsonContent(WebhookDeliveriesSchema, 'The deliveries, and the number of webhook URLs configured.'),
      ...authResponses,
    },
  }),
  async (c) => {
    const { urls, invalid } = webhookEntries(c.env as WebhookEnv);
    return c.json({ configured: urls.length, invalid, deliveries: await recentDeliveries(c.env.REDLINE) }, 200);
  },
);

api.openapi(
  createRoute({
    method: 'post',
    path: '/webhooks/test',
    summary: 'Send the latest change to the webhooks now',
    description: 'To try a webhook URL: sends the newest stored change to every configured webhook, with retries, and answers the deliveries.',
    security: bearer,
    middleware: [requireAdmin] as const,
    responses: {
      200: jsonContent(WebhookDeliveriesSchema, 'The deliveries.'),
      ...authResponses,
      404: errorResponse('No change stored yet.'),
    },
  }),
  async (c) => {
    const { changes } = await selectChanges(c.env.REDLINE, { limit: 1 });
    const change = changes[0] ? await loadChange(c.env.REDLINE, changes[0]) : null;
    if (!change) return c.json({ error: 'no change stored yet' }, 404);
    const env = c.env as WebhookEnv;
    const { urls, invalid } = webhookEntries(env);
    return c.json({ configured: urls.length, invalid, deliveries: await notifyWebhooks(env, change, publicOrigin(c.env, c.req.url).origin) }, 200);
  },
);

// ---- posts to Mastodon and Bluesky ----------------------------------------------------------------

api.openapi(
  createRoute({
    method: 'get',
    path: '/posts',
    summary: 'Recent posts to Mastodon and Bluesky',
    description: 'Each post of a change (with its diff card) to a configured account: its attempts, step by step, and outcome, newest first, kept 30 days.',
    security: bearer,
    middleware: [requireAdmin] as const,
    responses: {
      200: jsonContent(PostDeliveriesSchema, 'The posts, and what is configured.'),
      ...authResponses,
    },
  }),
  async (c) => {
    const settings = postingSettings(c.env);
    return c.json(
      {
        configured: { mastodon: Boolean(settings.mastodon), bluesky: Boolean(settings.bluesky), kinds: settings.kinds },
        deliveries: await recentPosts(c.env.REDLINE),
      },
      200,
    );
  },
);

// ---- export, import, sources --------------------------------------------------------------------
// Routes mounted from other modules (src/web/transfer.ts: /export, /import; /sources when it
// lands) are described in src/web/openapi.ts (registerOtherRoutes) so the document covers the
// whole API. A route added here with createRoute + api.openapi appears in it by itself.

// ---- the document -------------------------------------------------------------------------------

registerOtherRoutes(api.openAPIRegistry);

/** The OpenAPI 3.1 document of the whole API, with `origin` as its server. */
export function openApiDocument(origin: string) {
  return forClients(api.getOpenAPI31Document(documentInfo(origin)));
}

api.get('/openapi.json', (c) => {
  const base = publicOrigin(c.env, c.req.url);
  for (const [name, value] of Object.entries(cacheHeadersFor(base, 300))) c.header(name, value);
  c.header('access-control-allow-origin', '*');
  return c.json(openApiDocument(base.origin));
});

api.notFound((c) => c.json({ error: `no such API call: ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));

export type { z };
