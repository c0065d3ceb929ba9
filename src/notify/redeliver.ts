/**
 * Owed webhook deliveries, sent again by the cron: a change whose delivery failed every attempt
 * with an error worth retrying (the receiver down, slow or overloaded) is kept under `redeliver:`
 * (src/store/redeliveries.ts) and sent once more at each tick until it arrives or has been tried
 * for MAX_DELIVERY_ROUNDS rounds. Each message carries the change's id, so a receiver that got
 * it after all (its answer lost) drops the repeat. A target no longer in WEBHOOK_URLS is dropped.
 */
import { deleteOwedDelivery, getChange, listOwedDeliveries } from '../store';
import { notifyWebhooks, targetOf, webhookUrls, type DeliveryOptions, type WebhookEnv } from './webhooks';

/** Owed deliveries one tick sends again, at most (each is one request, one try). */
const PER_TICK = 25;

export async function redeliverWebhooks(env: WebhookEnv, options: DeliveryOptions = {}): Promise<{ tried: number; delivered: number }> {
  const owed = await listOwedDeliveries(env.REDLINE, PER_TICK);
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
