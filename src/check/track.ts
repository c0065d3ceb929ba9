/** Starting and stopping the tracking of a URL, through the article's Durable Object. */
import type { Env } from '../settings';
import { markPending, type ArticleRecord } from '../store';
import { writerFor } from './article-writer';
import { articleIdFor } from './hash';

/** Tracks a validated, canonical URL; returns the existing record when it is tracked already. */
export async function trackUrl(env: Env, url: string, now = new Date()): Promise<{ article: ArticleRecord; created: boolean }> {
  const id = await articleIdFor(url);
  const fresh: ArticleRecord = {
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
    removedAt: null,
  };
  const outcome = await writerFor(env, id).track(fresh);
  if (outcome.article.versions.length === 0 || outcome.created) await markPending(env, id, outcome.article.site);
  return outcome;
}

/** Stops checking an article; its history stays readable. */
export async function untrack(env: Env, id: string, now = new Date()): Promise<void> {
  await writerFor(env, id).untrack(id, now.toISOString());
}
