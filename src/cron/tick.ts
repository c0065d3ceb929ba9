/**
 * One cron tick: read the sources that are due, find the articles that are due, and check them,
 * through the CHECKS queue when it is bound, else inline within CHECKS_PER_TICK.
 *
 * Due, without reading every article: the due index (src/schedule) holds each scheduled article
 * under the interval of its tier and the slot of its id, so the tick lists one prefix per tier
 * and gets exactly the due ids, with their hosts. Newly tracked articles (pending markers) come
 * too, and what the last tick could not fit (the carry-over list) comes first.
 *
 * Politeness: at most MAX_PER_HOST_PER_TICK requests to one host per tick (feeds included); the
 * rest carries over to the next tick, as does whatever exceeds the tick's budget.
 */
import { OPEN_CONNECTIONS, type Env, type Settings } from '../settings';
import { readDueSources } from '../discovery';
import type { CheckMessage } from './check-message';
import { runCheck } from './check-runner';
import type { DueCheck, DueOutcome } from './check-due';
import { count } from '../metrics';
import { pickForTick, runBounded } from '../schedule/pick';
import { dueSlots } from '../schedule/tiers';
import { clearPending, getCarried, listDueSlot, pendingArticles, putCarried, type CarriedCheck } from '../store';


/** Six connections at once is what one Worker invocation may hold open. */
/** The longest carry-over list kept (scheduled checks beyond it wait for their next slot). */
const MAX_CARRIED = 5_000;
/** Messages per sendBatch call (the Queues limit). */
const SEND_BATCH = 100;

export interface TickReport {
  due: number;
  checked: number;
  changed: number;
  failed: number;
  /** Sent to the CHECKS queue (0 when checking inline). */
  queued: number;
  carried: number;
  sourcesRead: number;
  discovered: number;
}

export interface DueArticles {
  /** Carried over first, then newly tracked, then scheduled; each id once. */
  checks: DueCheck[];
  pending: Set<string>;
  carriedBefore: number;
}

export async function dueArticles(kv: KVNamespace, settings: Settings, now: Date): Promise<DueArticles> {
  const carried = await getCarried(kv);
  // A pending marker names its host in its metadata: no get per newly tracked article.
  const pending = await pendingArticles(kv);
  const pendingChecks: DueCheck[] = pending.map(({ id, host }) => ({ id, every: null, host }));
  const scheduled: DueCheck[] = [];
  for (const { everyMinutes, slot } of dueSlots(settings.schedule, now)) {
    for (const entry of await listDueSlot(kv, everyMinutes, slot)) scheduled.push({ ...entry, every: everyMinutes });
  }
  const seen = new Set<string>();
  const checks = [...carried, ...pendingChecks, ...scheduled].filter((c) => !seen.has(c.id) && seen.add(c.id));
  return { checks, pending: new Set(pending.map((p) => p.id)), carriedBefore: carried.length };
}

export function usesQueue(env: Env, settings: Settings): env is Env & { CHECKS: Queue<CheckMessage> } {
  return settings.fanout !== 'inline' && env.CHECKS !== undefined;
}

export async function runTick(env: Env, settings: Settings, now = new Date()): Promise<TickReport> {
  const kv = env.REDLINE;
  count('ticks');
  const sources = await readDueSources(env, settings, now);
  const due = await dueArticles(kv, settings, now);
  const queue = usesQueue(env, settings);
  const budget = queue ? settings.queuedChecksPerTick : Math.max(0, settings.checksPerTick - sources.read);
  const { run, later } = pickForTick(due.checks, budget, settings.maxPerHostPerTick, sources.hosts);
  // Pending markers stay until checked, so only scheduled checks need carrying.
  const carried: CarriedCheck[] = later.filter((c) => !due.pending.has(c.id)).slice(0, MAX_CARRIED);
  const report: TickReport = { due: due.checks.length, checked: 0, changed: 0, failed: 0, queued: 0, carried: carried.length, sourcesRead: sources.read, discovered: sources.tracked };

  if (queue) {
    const at = now.toISOString();
    for (let i = 0; i < run.length; i += SEND_BATCH) {
      const batch = run.slice(i, i + SEND_BATCH);
      await env.CHECKS.sendBatch(batch.map((c): { body: CheckMessage } => ({ body: { id: c.id, every: c.every, host: c.host, at } })));
      report.queued += batch.length;
      // The queue owns them now (retries, dead letters): their markers can go.
      for (const c of batch) if (due.pending.has(c.id)) await clearPending(kv, c.id);
    }
  } else {
    const outcomes = await runBounded(run, OPEN_CONNECTIONS, settings.hostConcurrency, async (check): Promise<DueOutcome> => {
      try {
        const outcome = await runCheck(env, settings, check, now);
        if (due.pending.has(check.id)) await clearPending(kv, check.id);
        return outcome;
      } catch (error) {
        console.error(`check of ${check.id} failed`, error);
        return { changed: false, version: null, error: String(error) };
      }
    });
    report.checked = outcomes.filter((o) => !o.skipped).length;
    report.changed = outcomes.filter((o) => o.changed).length;
    report.failed = outcomes.filter((o) => o.error).length;
  }
  await putCarried(kv, carried, due.carriedBefore);
  return report;
}
