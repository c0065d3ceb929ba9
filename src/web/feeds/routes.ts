/**
 * Feed routes, each in RSS 2.0 (.xml), Atom 1.0 (.atom) and JSON Feed 1.1 (.json), each with an
 * optional `?kind=` filter: every article (/feed.*), one article (/articles/:id/feed.*) and one
 * outlet (/sites/:host/feed.*). Answers carry an ETag and Last-Modified, and 304 when unchanged.
 */
import { Hono, type Context } from 'hono';
import type { Env } from '../../settings';
import type { ChangeKind } from '../../store';
import type { ChangeCard } from '../../store/change-card';
import { indexForReads } from '../index-reads';
import { cacheHeadersFor, publicOrigin } from '../public-origin';
import { parseArticleId } from '../params';
import { atomFromEntries } from './atom';
import { isNotModified, validatorHeaders, validatorsFor } from './conditional';
import { feedEntry, type FeedInfo } from './entry';
import { jsonFeedFromEntries } from './json-feed';
import { rssFromEntries } from './rss';
import { kindFromQuery, parseSite } from '../../changes/select';

export const FEED_ITEMS = 30;
/** Changes of one article its feed's validators cover (the newest; older ones never change). */
const ARTICLE_CHANGES_READ = 200;

type FeedContext = Context<{ Bindings: Env }>;

const FORMATS = {
  xml: { type: 'application/rss+xml; charset=utf-8', render: rssFromEntries },
  atom: { type: 'application/atom+xml; charset=utf-8', render: atomFromEntries },
  json: { type: 'application/feed+json; charset=utf-8', render: jsonFeedFromEntries },
} as const;
type Format = keyof typeof FORMATS;

export const feeds = new Hono<{ Bindings: Env }>();

/**
 * What a feed route has found, with one call to the read index: the changes' cards, newest
 * first, and the identities its validators are made of (a 304 needs nothing more).
 */
interface FeedSource {
  info: Omit<FeedInfo, 'self' | 'origin'>;
  /** id, seq and hash of each candidate change, newest first: the feed's validators. */
  identities: string[];
  newest: string | null;
  cards: ChangeCard[];
}

async function answer(c: FeedContext, format: Format, path: string, source: FeedSource | Response) {
  if (source instanceof Response) return source;
  const base = publicOrigin(c.env, c.req.url);
  const { origin } = base;
  const kind = c.req.query('kind');
  const validators = await validatorsFor([format, origin, kind ?? '', ...source.identities], source.newest);
  const headers = { ...validatorHeaders(validators), ...cacheHeadersFor(base, 60, ['Accept-Encoding']) };
  if (isNotModified(c.req.raw, validators)) return new Response(null, { status: 304, headers });
  const self = `${origin}${path}${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`;
  const info: FeedInfo = { ...source.info, self, origin };
  const entries = await Promise.all(source.cards.map((change) => feedEntry(origin, change)));
  return new Response(FORMATS[format].render(info, entries), { headers: { 'content-type': FORMATS[format].type, ...headers } });
}

const kindTitle = (kind: ChangeKind | undefined) => (kind ? ` (${kind})` : '');

async function listedSource(c: FeedContext, site: string | undefined, info: FeedSource['info']): Promise<FeedSource | Response> {
  const kindQuery = kindFromQuery(c.req.queries('kind') ?? []);
  if ('error' in kindQuery) return c.text(kindQuery.error, 400);
  const { kind } = kindQuery;
  // A site Redline tracks no article at has no feed (404, as an unknown article); one that has not
  // changed yet has an empty one.
  const { tracked, cards } = site
    ? await indexForReads(c.env).siteLatest({ limit: FEED_ITEMS, site, kind })
    : { tracked: true, cards: await indexForReads(c.env).latest({ limit: FEED_ITEMS, kind }) };
  if (!tracked) return c.text(`Redline tracks no article at ${site}`, 404);
  return {
    info: { ...info, title: info.title + kindTitle(kind) },
    identities: cards.map((ch) => `${ch.id}:${ch.seq}:${ch.hash}`),
    newest: cards[0]?.at ?? null,
    cards,
  };
}

async function articleSource(c: FeedContext): Promise<FeedSource | Response> {
  const kindQuery = kindFromQuery(c.req.queries('kind') ?? []);
  if ('error' in kindQuery) return c.text(kindQuery.error, 400);
  const { kind } = kindQuery;
  const id = parseArticleId(c.req.param('id'));
  const { article, cards } = id ? await indexForReads(c.env).article(id, ARTICLE_CHANGES_READ) : { article: null, cards: [] };
  if (!article) return c.text('No such article', 404);
  const newestFirst = cards.reverse();
  const { origin } = publicOrigin(c.env, c.req.url);
  return {
    info: {
      title: `Redline: ${article.title ?? article.url}${kindTitle(kind)}`,
      description: `Edits to ${article.url}, word by word.`,
      link: `${origin}/articles/${article.id}`,
    },
    identities: [article.id, String(article.versions), article.title ?? '', ...newestFirst.map((ch) => `${ch.seq}:${ch.hash}`)],
    newest: newestOf([article.firstSeen ?? undefined, ...newestFirst.map((ch) => ch.at)]),
    cards: newestFirst.filter((ch) => !kind || ch.kinds.includes(kind)).slice(0, FEED_ITEMS),
  };
}

function newestOf(times: (string | undefined)[]): string | null {
  const known = times.filter((t): t is string => Boolean(t)).sort();
  return known.at(-1) ?? null;
}

for (const format of Object.keys(FORMATS) as Format[]) {
  feeds.get(`/feed.${format}`, async (c) => {
    const { origin } = publicOrigin(c.env, c.req.url);
    const source = await listedSource(c, undefined, {
      title: 'Redline: latest changes',
      description: 'Edits to tracked news articles, word by word.',
      link: `${origin}/`,
    });
    return answer(c, format, `/feed.${format}`, source);
  });

  feeds.get(`/articles/:id/feed.${format}`, async (c) => answer(c, format, new URL(c.req.url).pathname, await articleSource(c)));

  feeds.get(`/sites/:host/feed.${format}`, async (c) => {
    const site = parseSite(c.req.param('host'));
    if (!site) return c.text('No such site', 404);
    const { origin } = publicOrigin(c.env, c.req.url);
    const source = await listedSource(c, site, {
      title: `Redline: edits at ${site}`,
      description: `Edits to articles tracked at ${site}, word by word.`,
      link: `${origin}/sites/${site}`,
    });
    return answer(c, format, `/sites/${site}/feed.${format}`, source);
  });
}
