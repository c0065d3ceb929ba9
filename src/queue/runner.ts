/**
 * CheckRunner: a named entrypoint of this Worker that runs one scheduled check. Bound to the
 * Worker itself as `SELF` (wrangler.toml), it lets the tick and the queue consumer start each
 * check as a call of its own instead of running them all on one call stack; named entrypoints
 * are not reachable from the Internet. Without the binding, the same function runs in place.
 */
import { WorkerEntrypoint } from 'cloudflare:workers';
import { settingsFrom, type Env, type Settings } from '../env';
import { count } from '../schedule/metrics';
import { checkDue, type DueCheck, type DueOptions, type DueOutcome } from '../schedule/check-due';

export class CheckRunner extends WorkerEntrypoint<Env> {
  async check(due: DueCheck, at: string, deferTransient = false): Promise<DueOutcome> {
    return checkDue(this.env, settingsFrom(this.env), due, new Date(at), { deferTransient });
  }
}

/** Runs one check through SELF when bound, else here; a custom fetcher (tests) always runs here. */
export async function runCheck(env: Env, settings: Settings, due: DueCheck, at: Date, options: DueOptions = {}): Promise<DueOutcome> {
  if (env.SELF && !options.fetcher) count('selfCalls');
  if (env.SELF && !options.fetcher) return env.SELF.check(due, at.toISOString(), options.deferTransient ?? false) as Promise<DueOutcome>;
  return checkDue(env, settings, due, at, options);
}
