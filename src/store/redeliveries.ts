/**
 * Webhook deliveries still owed: one key per change and target that failed every attempt with an
 * error worth retrying, until a later cron tick delivers it (src/notify/redeliver.ts).
 *
 *   redeliver:<id>:<seq>:<target>   "" (metadata: {attempts})   written on failure, deleted on success
 *   owed-deliveries                 when a delivery was last owed  written with each owed key
 *
 * The marker spares every tick a list call (1,000 a day on the Free plan, against 100,000 reads):
 * a tick reads it, and lists only when something may be owed.
 */
const PREFIX = 'redeliver:';
const MARKER = 'owed-deliveries';
/** KV may show a key late for up to a minute: the marker outlives an empty list by more than that. */
const MARKER_GRACE_MS = 5 * 60_000;
const keyOf = (id: string, seq: string, target: string) => `${PREFIX}${id}:${seq}:${target}`;

export interface OwedDelivery {
  id: string;
  seq: string;
  target: string;
  /** Rounds of attempts made so far (the first delivery counts one). */
  attempts: number;
}

export async function putOwedDelivery(kv: KVNamespace, owed: OwedDelivery, now = new Date()): Promise<void> {
  await kv.put(keyOf(owed.id, owed.seq, owed.target), '', { metadata: { attempts: owed.attempts } });
  await kv.put(MARKER, now.toISOString());
}

export async function deleteOwedDelivery(kv: KVNamespace, id: string, seq: string, target: string): Promise<void> {
  await kv.delete(keyOf(id, seq, target));
}

/** Whether anything may be owed: one read, no list (the cron asks before it hands the redelivery out). */
export async function mayOweDeliveries(kv: KVNamespace): Promise<boolean> {
  return (await kv.get(MARKER)) !== null;
}

/** The oldest owed deliveries first (by key), at most `limit`: one read, and one list only when something may be owed. */
export async function listOwedDeliveries(kv: KVNamespace, limit: number, now = new Date()): Promise<OwedDelivery[]> {
  const marked = await kv.get(MARKER);
  if (marked === null) return [];
  const page = await kv.list<{ attempts?: number }>({ prefix: PREFIX, limit });
  if (page.keys.length === 0 && !(now.getTime() - Date.parse(marked) < MARKER_GRACE_MS)) await kv.delete(MARKER);
  return page.keys.flatMap((key) => {
    const [id, seq, target] = key.name.slice(PREFIX.length).split(':');
    return id && seq && target ? [{ id, seq, target, attempts: key.metadata?.attempts ?? 1 }] : [];
  });
}
