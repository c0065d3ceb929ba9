/**
 * CheckDispatcher: a Durable Object that runs one group of a tick's checks, each in its article's
 * CheckRunner. Why a second level: on Workers Free one invocation may make 50 subrequests and
 * each CheckRunner call is one, so a tick that called the runners itself could start only about
 * 40 checks. Without a queue the tick hands its checks out in groups of at most CHECKS_PER_GROUP,
 * one dispatcher call per group: the tick's subrequests are its own few plus one per group, a
 * dispatcher's are its runner calls and nothing else, and each check is still an invocation of
 * its own. A dispatcher spends little CPU of its own: it starts the calls and collects their
 * answers, and waiting on them is wall time. It keeps no state.
 *
 * The tick's owed webhook deliveries go out the same way, in one dispatcher call of their own
 * (src/cron/redelivery.ts), so they never share the tick's 50 subrequests.
 *
 * Per host: the groups keep each host's checks together and two groups that share a host never
 * run at once (src/schedule/groups.ts), so HOST_CONCURRENCY holds across the whole tick.
 */
import { DurableObject } from 'cloudflare:workers';
import { count, tallied } from '../metrics';
import { groupsByHost, runHostExclusive } from '../schedule/groups';
import { runBounded } from '../schedule/pick';
import { OPEN_CONNECTIONS, SUBREQUESTS_PER_INVOCATION, settingsFrom, type Env, type Settings } from '../settings';
import { describeError, isPlatformError } from '../store/platform-error';
import { redeliverWebhooks } from '../notify/redeliver';
import type { DueCheck, DueOutcome } from './check-due';
import { runCheck } from './check-runner';

/** Checks one dispatcher runs: one CheckRunner call each, 40 of its 50 subrequests, the rest spare. */
export const CHECKS_PER_GROUP = 40;

/**
 * Subrequests a tick keeps for its own work besides its dispatcher and source-reader calls: the
 * carry-over get and put, one KV list per schedule interval (4 by default), two agenda calls, a
 * trouble note, the owed-webhook marker get and the redelivery's dispatcher call.
 */
export const TICK_OWN_SUBREQUESTS = 11;

/** What became of one check. */
export interface CheckRun {
  check: DueCheck;
  outcome: DueOutcome;
  /** The check threw instead of answering (its newly-tracked marker stays). */
  threw: boolean;
  /** A platform error, not the page's fault: it carries the check to the next tick. */
  trouble: string | null;
}

/** Runs `checks` in this invocation, each in its CheckRunner when bound: OPEN_CONNECTIONS at once, hostConcurrency per host. */
export async function runChecks(env: Env, settings: Settings, checks: DueCheck[], at: Date): Promise<CheckRun[]> {
  return runBounded(checks, OPEN_CONNECTIONS, settings.hostConcurrency, async (check): Promise<CheckRun> => {
    try {
      return { check, outcome: await runCheck(env, settings, check, at), threw: false, trouble: null };
    } catch (error) {
      console.error(`check of ${check.id} failed`, error);
      const trouble = isPlatformError(error) ? `checking an article: ${describeError(error)}` : null;
      return { check, outcome: { changed: false, version: null, error: String(error) }, threw: true, trouble };
    }
  });
}

export class CheckDispatcher extends DurableObject<Env> {
  async run(group: DueCheck[], at: string): Promise<CheckRun[]> {
    return tallied('dispatcher', () => {
      count('dispatches');
      return runChecks(this.env, settingsFrom(this.env), group, new Date(at));
    });
  }

  /** Sends owed webhook deliveries again (at most OWED_PER_CALL, within this invocation's subrequests). */
  async redeliver(): Promise<{ tried: number; delivered: number }> {
    return tallied('redelivery', () => redeliverWebhooks(this.env));
  }
}

/** Dispatchers need both objects; without them the tick runs one group's worth itself, as before. */
export function dispatchers(env: Env): DurableObjectNamespace<CheckDispatcher> | null {
  return env.CHECK_DISPATCHER && env.CHECK_RUNNER ? env.CHECK_DISPATCHER : null;
}

/**
 * Most checks a tick without a queue runs: CHECKS_PER_TICK, in as many groups as the tick's own
 * subrequests leave room for once its `sourcesRead` SourceReader calls are made (each group is one
 * call). With the defaults and no source read: min(400, 10 groups x 40) = 400.
 */
export function inlineBudget(env: Env, settings: Settings, sourcesRead: number): number {
  if (!dispatchers(env)) return Math.max(0, Math.min(settings.checksPerTick, CHECKS_PER_GROUP) - sourcesRead);
  const room = Math.max(0, SUBREQUESTS_PER_INVOCATION - TICK_OWN_SUBREQUESTS - sourcesRead);
  const groups = Math.min(Math.ceil(settings.checksPerTick / CHECKS_PER_GROUP), room);
  return Math.min(settings.checksPerTick, groups * CHECKS_PER_GROUP);
}

/**
 * Runs a tick's checks: in groups of at most CHECKS_PER_GROUP, each in one dispatcher invocation.
 * A dispatcher that fails (overloaded, cut off) carries its whole group over, recorded like a
 * check that met a platform error; a check it had already run runs once more next tick.
 */
export async function dispatchChecks(env: Env, settings: Settings, checks: DueCheck[], at: Date): Promise<CheckRun[]> {
  const namespace = dispatchers(env);
  if (!namespace) return runChecks(env, settings, checks, at);
  const groups = groupsByHost(checks, CHECKS_PER_GROUP);
  const runs = await runHostExclusive(groups, OPEN_CONNECTIONS, async (group): Promise<CheckRun[]> => {
    try {
      count('dispatcherCalls');
      // Stable names: the same few objects every tick (a tick ends long before the next one starts).
      const dispatcher = namespace.get(namespace.idFromName(`group-${groups.indexOf(group)}`));
      return (await dispatcher.run(group, at.toISOString())) as CheckRun[];
    } catch (error) {
      console.error(`a dispatcher of ${group.length} checks failed`, error);
      const trouble = `handing checks to a dispatcher: ${describeError(error)}`;
      return group.map((check) => ({ check, outcome: { changed: false, version: null, error: String(error) }, threw: true, trouble }));
    }
  });
  return runs.flat();
}
