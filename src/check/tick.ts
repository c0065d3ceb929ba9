/**
 * One cron tick: pick the articles that are due and check them, at most CHECKS_PER_TICK of them
 * (each check is a subrequest; the free plan allows 50 per invocation), a few at a time.
 *
 * Due: a newly tracked article (a pending marker) at the next tick; every other active article
 * once per CHECK_INTERVAL_MINUTES, in a slot derived from its id so that load spreads evenly
 * across ticks and no check has to write "last checked at" to KV. When more are due than the
 * budget allows, the start of the list rotates with the tick so that none is starved.
 */
import type { Env, Settings } from '../env';
import { allArticles, clearPending, pendingIds } from '../store';
import { checkArticle, type CheckResult } from './check-article';

export const TICK_MINUTES = 15;
const CONCURRENCY = 6;

export interface TickReport {
  due: number;
  checked: number;
  changed: number;
  failed: number;
}

export function isDueInSlot(id: string, now: Date, intervalMinutes: number): boolean {
  const ticksPerInterval = Math.max(1, Math.round(intervalMinutes / TICK_MINUTES));
  const tick = Math.floor(now.getTime() / (TICK_MINUTES * 60_000));
  return tick % ticksPerInterval === parseInt(id.slice(0, 8), 16) % ticksPerInterval;
}

export interface DueArticles {
  /** Due ids, newly tracked first. */
  ids: string[];
  pending: Set<string>;
}

export async function dueArticles(kv: KVNamespace, settings: Settings, now: Date): Promise<DueArticles> {
  const pending = await pendingIds(kv);
  const pendingSet = new Set(pending);
  const regular: string[] = [];
  for await (const article of allArticles(kv)) {
    const waiting = article.retryAt !== null && Date.parse(article.retryAt) > now.getTime();
    if (article.active && !waiting && !pendingSet.has(article.id) && isDueInSlot(article.id, now, settings.checkIntervalMinutes)) regular.push(article.id);
  }
  const tick = Math.floor(now.getTime() / (TICK_MINUTES * 60_000));
  const offset = regular.length ? (tick * settings.checksPerTick) % regular.length : 0;
  return { ids: [...pending, ...regular.slice(offset), ...regular.slice(0, offset)], pending: pendingSet };
}

export async function runTick(env: Env, settings: Settings, now = new Date()): Promise<TickReport> {
  const kv = env.REDLINE;
  const due = await dueArticles(kv, settings, now);
  const batch = due.ids.slice(0, settings.checksPerTick);
  const results: CheckResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < batch.length) {
      const id = batch[next++];
      try {
        results.push(await checkArticle(env, settings, id, now));
        if (due.pending.has(id)) await clearPending(kv, id);
      } catch (error) {
        console.error(`check of ${id} failed`, error);
        results.push({ changed: false, version: null, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batch.length) }, worker));
  return {
    due: due.ids.length,
    checked: results.length,
    changed: results.filter((r) => r.changed).length,
    failed: results.filter((r) => r.error).length,
  };
}
