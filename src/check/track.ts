/** Starting and stopping the tracking of a URL. */
import { getArticle, markPending, putArticle, type ArticleRecord } from '../store';
import { articleIdFor } from './hash';

/** Tracks a validated, canonical URL; returns the existing record when it is tracked already. */
export async function trackUrl(kv: KVNamespace, url: string, now = new Date()): Promise<{ article: ArticleRecord; created: boolean }> {
  const id = await articleIdFor(url);
  const existing = await getArticle(kv, id);
  if (existing && existing.active) return { article: existing, created: false };
  const article: ArticleRecord = existing
    ? { ...existing, active: true, deletedAt: null }
    : {
        id,
        url,
        finalUrl: null,
        createdAt: now.toISOString(),
        active: true,
        deletedAt: null,
        title: null,
        site: new URL(url).hostname,
        versions: [],
        lastCheck: null,
      };
  await putArticle(kv, article);
  await markPending(kv, id);
  return { article, created: !existing };
}

/** Stops checking an article; its history stays readable. */
export async function untrack(kv: KVNamespace, article: ArticleRecord, now = new Date()): Promise<void> {
  if (!article.active) return;
  await putArticle(kv, { ...article, active: false, deletedAt: now.toISOString() });
}
