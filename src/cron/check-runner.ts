/**
 * CheckRunner: a Durable Object that runs one scheduled check per call. Every call to a Durable
 * Object is an invocation of its own with its own CPU allowance (30 s by default, on the free
 * plan too), while Workers joined by a service binding share the CPU of the request that called
 * them. So the tick and the queue consumer hand each check to the article's runner object: a
 * tick that starts forty checks spends wall time waiting, not forty checks' worth of its own
 * 10 ms. The runner keeps no state; the article's ArticleWriter still serialises its writes.
 * Without the binding (or with a test's fetcher) the same function runs in place.
 */
import { DurableObject } from 'cloudflare:workers';
import { settingsFrom, type Env, type Settings } from '../settings';
import { count } from '../metrics';
import { checkDue, type DueCheck, type DueOptions, type DueOutcome } from './check-due';

export class CheckRunner extends DurableObject<Env> {
  async check(due: DueCheck, at: string, deferTransient = false): Promise<DueOutcome> {
    return checkDue(this.env, settingsFrom(this.env), due, new Date(at), { deferTransient });
  }
}

/** Runs one check in its article's CheckRunner when bound, else here; a custom fetcher (tests) always runs here. */
export async function runCheck(env: Env, settings: Settings, due: DueCheck, at: Date, options: DueOptions = {}): Promise<DueOutcome> {
  if (!env.CHECK_RUNNER || options.fetcher) return checkDue(env, settings, due, at, options);
  count('runnerCalls');
  const runner = env.CHECK_RUNNER.get(env.CHECK_RUNNER.idFromName(due.id));
  return runner.check(due, at.toISOString(), options.deferTransient ?? false) as Promise<DueOutcome>;
}
