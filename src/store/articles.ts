/** Articles in KV: one record per tracked URL, listed with metadata so a list needs no gets. */
import { keys } from './keys';
import { fitMetadata } from './metadata';
import type { ArticleListing, ArticleRecord } from '../model/records';
import { listKeys } from './list-keys';
import { agenda, type Agenda } from './agenda';

export async function getArticle(kv: KVNamespace, id: string): Promise<ArticleRecord | null> {
  return kv.get<ArticleRecord>(keys.article(id), 'json');
}

export async function putArticle(kv: KVNamespace, article: ArticleRecord): Promise<void> {
  const listing: ArticleListing = fitMetadata(
    {
      url: article.url,
      site: article.site,
      title: article.title,
      active: article.active,
      versions: article.versions.length,
      retryAt: article.lastCheck?.retryAt ?? null,
    },
    ['url', 'title'],
  );
  await kv.put(keys.article(article.id), JSON.stringify(article), { metadata: listing });
}

/** Lists an article under its outlet (written on tracking; the listing there may lag the record). */
export async function putSiteArticle(kv: KVNamespace, article: ArticleRecord): Promise<void> {
  await kv.put(keys.siteArticle(article.site, article.id), '', { metadata: fitMetadata({ url: article.url, createdAt: article.createdAt }, ['url']) });
}

/** Ids of an outlet's tracked articles. */
export async function siteArticleIds(kv: KVNamespace, site: string): Promise<string[]> {
  const ids: string[] = [];
  const prefix = keys.siteArticlePrefix(site);
  for await (const key of listKeys(kv, prefix)) ids.push(key.name.slice(prefix.length));
  return ids;
}

export interface ArticlePage {
  articles: (ArticleListing & { id: string })[];
  cursor: string | null;
}

export async function listArticles(kv: KVNamespace, cursor?: string | null, limit = 100): Promise<ArticlePage> {
  const page = await kv.list<ArticleListing>({ prefix: keys.articlePrefix, cursor: cursor ?? undefined, limit });
  return {
    articles: page.keys.filter((k) => k.metadata).map((k) => ({ id: keys.idFromArticleKey(k.name), ...(k.metadata as ArticleListing) })),
    cursor: page.list_complete ? null : page.cursor,
  };
}

/** Every tracked article's listing, page by page (the cron's view). */
export async function* allArticles(kv: KVNamespace): AsyncGenerator<ArticlePage['articles'][number]> {
  let cursor: string | null = null;
  do {
    const page = await listArticles(kv, cursor, 1000);
    yield* page.articles;
    cursor = page.cursor;
  } while (cursor);
}

/** Marks an article due at the next cron tick, in the agenda; its host rides along, so the tick needs no get. */
export async function markPending(env: { AGENDA: DurableObjectNamespace<Agenda> }, id: string, host: string): Promise<void> {
  await agenda(env).markPending({ id, host });
}

/** Clears the markers of articles that were checked: one call for all of them. */
export async function clearPending(env: { AGENDA: DurableObjectNamespace<Agenda> }, ids: string[]): Promise<void> {
  if (ids.length) await agenda(env).clearPending(ids);
}
