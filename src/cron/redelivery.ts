/**
 * The cron's second job after the tick: owed webhook deliveries (src/notify/redeliver.ts) sent
 * again in a CheckDispatcher invocation of their own, so a receiver that was down for a day cannot
 * take the tick past Workers Free's 50 subrequests (each owed delivery costs up to ten). The tick's
 * invocation spends one read (is anything owed?) and, when something is, one dispatcher call.
 */
import { redeliverWebhooks } from '../notify/redeliver';
import type { Env } from '../settings';
import { mayOweDeliveries } from '../store';
import { dispatchers } from './check-dispatcher';

export async function redeliverOwed(env: Env): Promise<{ tried: number; delivered: number }> {
  if (!(await mayOweDeliveries(env.REDLINE))) return { tried: 0, delivered: 0 };
  const namespace = dispatchers(env);
  if (!namespace) return redeliverWebhooks(env);
  return namespace.get(namespace.idFromName('redelivery')).redeliver();
}
