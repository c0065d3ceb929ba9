/**
 * One scheduled check: the function the inline tick, the CheckRunner object and the queue
 * consumer all call. Around the shared pipeline (observe -> commit) it adds what a schedule needs:
 *
 * - a site that asked to wait (Retry-After) is not fetched before then;
 * - an article that aged out of the tier it was listed under is moved by its Durable Object
 *   (a few times in its life; an unchanged check otherwise reads one key and writes none);
 * - on an article's first check, a trusted rel=canonical naming another URL with the same text
 *   makes that URL the tracked one, so one article is never tracked under two URLs;
 * - the queue may ask to hear about a transient failure (network, timeout, 5xx) instead of
 *   recording it, so that it can retry with backoff first.
 */
import { writerFor } from '../check/article-writer';
import { commit, latestVersionReader, observe } from '../check/check-article';
import { changesNothing, type CheckResult, type Observation, type PageSeen } from '../check/decide';
import { articleIdFor } from '../check/hash';
import { trackUrl, untrack } from '../check/track';
import { checkFetchableUrl, trustedCanonical } from '../net';
import type { Env, Settings } from '../settings';
import { getArticle, type ArticleRecord } from '../store';
import { count } from '../metrics';
import { placementOf } from '../schedule/tiers';

export interface DueCheck {
  id: string;
  /** Interval of the tier it was listed under; null for a newly tracked (pending) article. */
  every: number | null;
  host: string | null;
}

export interface DueOutcome extends CheckResult {
  /** Not fetched: no such article, no longer tracked, or its site asked to wait. */
  skipped?: 'missing' | 'inactive' | 'waiting';
  /** A transient failure that was not recorded because the caller will retry. */
  transient?: boolean;
}

export interface DueOptions {
  deferTransient?: boolean;
  fetcher?: typeof fetch;
}

const skipped = (why: DueOutcome['skipped']): DueOutcome => ({ changed: false, version: null, error: null, skipped: why });

export async function checkDue(env: Env, settings: Settings, due: DueCheck, tickAt: Date, options: DueOptions = {}): Promise<DueOutcome> {
  const now = new Date(Math.max(Date.now(), tickAt.getTime()));
  const article = await getArticle(env.REDLINE, due.id);
  if (!article) return skipped('missing');
  if (!article.active) return skipped('inactive');
  const retryAt = article.lastCheck?.retryAt;
  if (retryAt && Date.parse(retryAt) > now.getTime()) return skipped('waiting');

  count('checks');
  const seen = await observe(article, settings, now, options.fetcher, latestVersionReader(env, article));
  if (!seen.ok && options.deferTransient && isTransient(seen)) return { changed: false, version: null, error: seen.message, transient: true };
  if (seen.ok && article.versions.length === 0) {
    const moved = await adoptCanonical(env, settings, article, seen, now, options.fetcher);
    if (moved) return moved;
  }
  if (!changesNothing(article, seen)) count('objectCalls');
  const result = await commit(env, article, seen);
  if (!result.changed && !result.error) count('unchanged');
  if (result.error) count('failed');
  if (seen.ok && seen.article.text === '' && seen.hash === article.versions.at(-1)?.hash) count('notModified');
  if (!result.changed && due.every !== null && (placementOf(article, settings.schedule, now)?.everyMinutes ?? null) !== due.every) {
    count('objectCalls');
    await writerFor(env, article.id).reschedule(article.id, now.toISOString());
  }
  return result;
}

/** Worth retrying soon: the network, a timeout, or a server error that did not say when to come back. */
export function isTransient(seen: Observation): boolean {
  if (seen.ok) return false;
  if (seen.kind === 'network' || seen.kind === 'timeout') return true;
  return seen.kind === 'http' && seen.status !== null && seen.status >= 500 && seen.retryAt === null;
}

/**
 * First check of `article`: when the page names a trusted canonical URL other than the tracked
 * one, and that URL serves the same text, the canonical URL is tracked instead (or, when it is
 * tracked already with this text, kept alone). Different texts are never merged.
 */
async function adoptCanonical(
  env: Env,
  settings: Settings,
  article: ArticleRecord,
  seen: PageSeen,
  now: Date,
  fetcher?: typeof fetch,
): Promise<DueOutcome | null> {
  const canonical = trustedCanonical(seen.finalUrl, seen.article.canonicalUrl);
  if (!canonical || canonical === article.url || !checkFetchableUrl(new URL(canonical), settings).ok) return null;
  const existing = await getArticle(env.REDLINE, await articleIdFor(canonical));
  if (existing) {
    if (!existing.active || existing.versions.at(-1)?.hash !== seen.hash) return null;
  } else {
    const probe: ArticleRecord = { ...article, url: canonical, finalUrl: null, versions: [], lastCheck: null };
    const there = await observe(probe, settings, now, fetcher);
    if (!there.ok || there.hash !== seen.hash) return null;
    await trackUrl(env, canonical, now);
  }
  await untrack(env, article.id, now);
  return { changed: false, version: null, error: `tracked as ${canonical}, the URL this page names as canonical` };
}
