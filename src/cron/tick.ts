/**
 * One cron tick: read the sources that are due, find the articles that are due, and check them,
 * through the CHECKS queue when it is bound, else within CHECKS_PER_TICK, in groups each handed
 * to one CheckDispatcher invocation (src/cron/check-dispatcher.ts: Free's 50 subrequests are per
 * invocation, so the tick makes one call per group, not one per check).
 *
 * Due, without reading every article: the due index (src/schedule) holds each scheduled article
 * under the interval of its tier and the slot of its id, so the tick lists one KV prefix per
 * interval and gets exactly the due ids, with their hosts. Newly tracked articles (pending
 * markers) and the sources due in this tick's slot come from one call to the Agenda object
 * (src/store/agenda.ts), not from KV lists; the articles the sources start tracking are checked
 * in the same tick, and what the last tick could not fit (the carry-over list) comes first.
 * The markers of the articles checked (or handed to the queue) are cleared in one call at the end.
 *
 * Politeness: at most MAX_PER_HOST_PER_TICK requests to one host per tick (feeds included); the
 * rest carries over to the next tick, as does whatever exceeds the tick's budget.
 *
 * Spent quotas and platform errors (a KV list refused for the day, a queue that will not take a
 * batch) never stop a tick: each step that fails is recorded (logged, and noted in the read
 * index, which the home page shows) and its work carries over: pending markers stay, a due slot
 * that could not be listed is listed by the next tick, checks that were not sent or not run are
 * carried.
 */
import type { Env, Settings } from '../settings';
import { readDueSources } from '../discovery';
import { type CheckPack, packChecks, sendBatches } from './check-message';
import { dispatchChecks, inlineBudget } from './check-dispatcher';
import type { DueCheck } from './check-due';
import { count } from '../metrics';
import { pickForTick } from '../schedule/pick';
import { dueSlots } from '../schedule/tiers';
import {
  agendaAt,
  clearPending,
  getCarryOver,
  listDueSlot,
  putCarryOver,
  type AgendaAtTick,
  type CarriedCheck,
  type DueSlot,
  type PendingArticle,
} from '../store';
import { describeError } from '../store/platform-error';
import { readIndex } from '../store/read-index';

/** The longest carry-over list kept (scheduled checks beyond it wait for their next slot). */
const MAX_CARRIED = 5_000;

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
  /** Steps that failed and carried their work over (empty on a good tick). */
  troubles: string[];
}

/** Runs one step of a tick; a throw is recorded in `troubles` and answers `fallback`. */
type Attempt = <T>(what: string, work: () => Promise<T>, fallback: T) => Promise<T>;

function attempter(troubles: string[]): Attempt {
  return async (what, work, fallback) => {
    try {
      return await work();
    } catch (error) {
      const trouble = `${what}: ${describeError(error)}`;
      if (!troubles.includes(trouble)) troubles.push(trouble);
      return fallback;
    }
  };
}

export interface DueArticles {
  /** Carried over first, then newly tracked, then scheduled; each id once. */
  checks: DueCheck[];
  pending: Set<string>;
  /** Size of the carry-over read (checks and slots); null when it could not be read (then it is left as it is). */
  carriedBefore: number | null;
  /** Due slots that could not be listed, for the next tick. */
  missed: DueSlot[];
}

/** Carried over, newly tracked (`pending`: the agenda's, with their hosts, so no get each) and scheduled. */
export async function dueArticles(
  kv: KVNamespace,
  settings: Settings,
  now: Date,
  pending: PendingArticle[],
  attempt: Attempt = attempter([]),
): Promise<DueArticles> {
  const carry = await attempt('reading the carry-over list', () => getCarryOver(kv), null);
  const pendingChecks: DueCheck[] = pending.map(({ id, host }) => ({ id, every: null, host }));
  const slots = [...(carry?.missed ?? []), ...dueSlots(settings.schedule, now)].filter(
    (s, i, all) => all.findIndex((o) => o.everyMinutes === s.everyMinutes && o.slot === s.slot) === i,
  );
  const scheduled: DueCheck[] = [];
  const missed: DueSlot[] = [];
  for (const { everyMinutes, slot } of slots) {
    const entries = await attempt('listing due articles', () => listDueSlot(kv, everyMinutes, slot), null);
    if (entries === null) missed.push({ everyMinutes, slot });
    for (const entry of entries ?? []) scheduled.push({ ...entry, every: everyMinutes });
  }
  const seen = new Set<string>();
  const checks = [...(carry?.checks ?? []), ...pendingChecks, ...scheduled].filter((c) => !seen.has(c.id) && seen.add(c.id));
  return { checks, pending: new Set(pending.map((p) => p.id)), carriedBefore: carry ? carry.checks.length + carry.missed.length : null, missed };
}

export function usesQueue(env: Env, settings: Settings): env is Env & { CHECKS: Queue<CheckPack> } {
  return settings.fanout !== 'inline' && env.CHECKS !== undefined;
}

export async function runTick(env: Env, settings: Settings, now = new Date()): Promise<TickReport> {
  const kv = env.REDLINE;
  count('ticks');
  const troubles: string[] = [];
  const attempt = attempter(troubles);
  // One call for what the due index does not hold: newly tracked articles and the sources due now.
  // When it fails, both wait for the next tick (the markers stay, the sources keep their slot).
  const agenda = await attempt(
    'reading the agenda (newly tracked articles, due sources)',
    () => agendaAt(env, now, settings.sourceIntervalMinutes),
    null as AgendaAtTick | null,
  );
  const sources = await attempt('reading due sources', () => readDueSources(env, settings, now, agenda?.sources ?? []), {
    read: 0,
    tracked: 0,
    hosts: new Map<string, number>(),
    articles: [],
  });
  const due = await dueArticles(kv, settings, now, [...(agenda?.pending ?? []), ...sources.articles], attempt);
  // Markers of the newly tracked articles that were checked or queued: cleared in one call at the end.
  const checkedPending: string[] = [];
  const queue = usesQueue(env, settings);
  const budget = queue ? settings.queuedChecksPerTick : inlineBudget(env, settings, sources.read);
  const { run, later } = pickForTick(due.checks, budget, settings.maxPerHostPerTick, sources.hosts);
  // Pending markers stay until checked, so only scheduled checks need carrying.
  const carried: CarriedCheck[] = later.filter((c) => !due.pending.has(c.id));
  const carry = (checks: DueCheck[]) => carried.push(...checks.filter((c) => !due.pending.has(c.id)));
  const report: TickReport = {
    due: due.checks.length,
    checked: 0,
    changed: 0,
    failed: 0,
    queued: 0,
    carried: 0,
    sourcesRead: sources.read,
    discovered: sources.tracked,
    troubles,
  };

  if (queue) {
    // Packed ten to a message (a host's checks together): Queues bills per message, not per check.
    const batches = sendBatches(packChecks(run, now.toISOString()));
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i];
      const sent = await attempt('sending checks to the queue', () => env.CHECKS.sendBatch(batch.map((body) => ({ body }))).then(() => true), false);
      if (!sent) {
        carry(batches.slice(i).flatMap((b) => b.flatMap((pack) => pack.checks)));
        break;
      }
      const checks = batch.flatMap((pack) => pack.checks);
      report.queued += checks.length;
      count('queuedChecks', checks.length);
      // The queue owns them now (retries, dead letters): their markers can go.
      for (const c of checks) if (due.pending.has(c.id)) checkedPending.push(c.id);
    }
  } else {
    // Groups of checks, each run by one CheckDispatcher invocation (src/cron/check-dispatcher.ts).
    const runs = await dispatchChecks(env, settings, run, now);
    for (const { check, threw, trouble } of runs) {
      if (!threw && due.pending.has(check.id)) checkedPending.push(check.id);
      if (trouble) {
        // Not the page's fault: the check runs again next tick.
        if (!troubles.includes(trouble)) troubles.push(trouble);
        carry([check]);
      }
    }
    const outcomes = runs.map((r) => r.outcome);
    report.checked = outcomes.filter((o) => !o.skipped).length;
    report.changed = outcomes.filter((o) => o.changed).length;
    report.failed = outcomes.filter((o) => o.error).length;
  }
  // A marker that could not be cleared only means one more check of that article next tick.
  await attempt('clearing the markers of checked articles', () => clearPending(env, checkedPending), undefined);
  const kept = carried.slice(0, MAX_CARRIED);
  report.carried = kept.length;
  // A carry-over that could not be read is left as it is (this tick's carry waits its next slot).
  if (due.carriedBefore !== null)
    await attempt('writing the carry-over list', () => putCarryOver(kv, { checks: kept, missed: due.missed }, due.carriedBefore ?? 0), undefined);
  if (troubles.length) await noteTrouble(env, 'cron tick', `${troubles.join('; ')}. The work carries over to the next tick.`, now);
  return report;
}

/** Logs what went wrong in the background and keeps it for the home page (when the index answers). */
export async function noteTrouble(env: Env, source: string, message: string, now = new Date()): Promise<void> {
  console.error(`${source}: ${message}`);
  try {
    await readIndex(env).note({ at: now.toISOString(), source, message });
  } catch (error) {
    console.error(`the note could not be kept either: ${describeError(error)}`);
  }
}
