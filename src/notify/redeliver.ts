/**
 * Owed webhook deliveries, sent again by the cron: a change whose delivery failed every attempt
 * with an error worth retrying (the receiver down, slow or overloaded) is kept under `redeliver:`
 * (src/store/redeliveries.ts) and sent once more at each tick until it arrives or has been tried
 * for MAX_DELIVERY_ROUNDS rounds. Each message carries the change's id, so a receiver that got
 * it after all (its answer lost) drops the repeat. A target no longer in WEBHOOK_URLS is dropped.
 */
import { deleteOwedDelivery, getChange, listOwedDeliveries } from '../store';
import { notifyWebhooks, targetOf, webhookUrls, type DeliveryOptions, type WebhookEnv } from './webhooks';

/**
 * Owed deliveries one call sends again, at most: each costs up to ten subrequests (the change's
 * get, its POST and up to five redirects, the log entry, the owed key and its marker), and Workers
 * Free allows 50 an invocation, so four (40) leave room for the marker read and the list. The cron
 * makes this call in an invocation of its own (src/cron/redelivery.ts), once a tick: 384 a day.
 */
export const OWED_PER_CALL = 4;

export async function redeliverWebhooks(env: WebhookEnv, options: DeliveryOptions = {}): Promise<{ tried: number; delivered: number }> {
  // The fewest rounds first (then the oldest key): a long backlog to one dead receiver cannot keep
  // the same few owed deliveries at the front while the rest wait. One list call reads 1,000 keys.
  const listed = await listOwedDeliveries(env.REDLINE, 1000);
  const owed = listed.sort((a, b) => a.attempts - b.attempts).slice(0, OWED_PER_CALL);
  if (!owed.length) return { tried: 0, delivered: 0 };
  const urlOf = new Map(await Promise.all(webhookUrls(env).map(async (url) => [await targetOf(url), url] as const)));
  const outcomes = await Promise.all(
    owed.map(async ({ id, seq, target, attempts }) => {
      const url = urlOf.get(target);
      const change = url ? await getChange(env.REDLINE, id, seq) : null;
      if (!url || !change) {
        await deleteOwedDelivery(env.REDLINE, id, seq, target);
        return false;
      }
      const [delivery] = await notifyWebhooks(env, change, undefined, { backoffMs: [], ...options, urls: [url], redelivery: attempts });
      return delivery?.ok ?? false;
    }),
  );
  return { tried: owed.length, delivered: outcomes.filter(Boolean).length };
}
