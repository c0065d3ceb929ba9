/**
 * Delivery logs of the outside world's messages: one KV value per webhook delivery or social post,
 * kept `retentionSeconds`, newest first under an inverted time (see keys.ts). notify/ writes and
 * reads them through these two functions; only this layer knows their keys.
 */
import { postKeys, webhookKeys } from './keys';

export type DeliveryChannel = 'webhook' | 'post';

const keyOf = (channel: DeliveryChannel, atMs: number, id: string, seq: string, target: string) =>
  channel === 'webhook' ? webhookKeys.delivery(atMs, id, seq, target) : postKeys.delivery(atMs, id, seq, target);
const prefixOf = (channel: DeliveryChannel) => (channel === 'webhook' ? webhookKeys.deliveryPrefix : postKeys.deliveryPrefix);

export interface LoggedDelivery {
  channel: DeliveryChannel;
  atMs: number;
  id: string;
  seq: string;
  /** The webhook's short hash, or the social network's name. */
  target: string;
  retentionSeconds: number;
  /** Small, for lists that read no values. */
  metadata: Record<string, unknown>;
}

export async function putDeliveryLog(kv: KVNamespace, entry: LoggedDelivery, value: unknown): Promise<void> {
  await kv.put(keyOf(entry.channel, entry.atMs, entry.id, entry.seq, entry.target), JSON.stringify(value), {
    expirationTtl: entry.retentionSeconds,
    metadata: entry.metadata,
  });
}

/** The latest `limit` entries of one channel, newest first. */
export async function recentDeliveryLogs<T>(kv: KVNamespace, channel: DeliveryChannel, limit: number): Promise<T[]> {
  const page = await kv.list({ prefix: prefixOf(channel), limit });
  const values = await Promise.all(page.keys.map((key) => kv.get<T>(key.name, 'json')));
  return values.filter((value): value is Awaited<T> & T => value !== null);
}
