/**
 * Webhook deliveries still owed: one key per change and target that failed every attempt with an
 * error worth retrying, until a later cron tick delivers it (src/webhooks/redeliver.ts).
 *
 *   redeliver:<id>:<seq>:<target>   "" (metadata: {attempts})   written on failure, deleted on success
 */
const PREFIX = 'redeliver:';
const keyOf = (id: string, seq: string, target: string) => `${PREFIX}${id}:${seq}:${target}`;

export interface OwedDelivery {
  id: string;
  seq: string;
  target: string;
  /** Rounds of attempts made so far (the first delivery counts one). */
  attempts: number;
}

export async function putOwedDelivery(kv: KVNamespace, owed: OwedDelivery): Promise<void> {
  await kv.put(keyOf(owed.id, owed.seq, owed.target), '', { metadata: { attempts: owed.attempts } });
}

export async function deleteOwedDelivery(kv: KVNamespace, id: string, seq: string, target: string): Promise<void> {
  await kv.delete(keyOf(id, seq, target));
}

/** The oldest owed deliveries first (by key), at most `limit`: one list call, no gets. */
export async function listOwedDeliveries(kv: KVNamespace, limit: number): Promise<OwedDelivery[]> {
  const page = await kv.list<{ attempts?: number }>({ prefix: PREFIX, limit });
  return page.keys.flatMap((key) => {
    const [id, seq, target] = key.name.slice(PREFIX.length).split(':');
    return id && seq && target ? [{ id, seq, target, attempts: key.metadata?.attempts ?? 1 }] : [];
  });
}
