/**
 * The due-time index (see keys.ts): one key per scheduled article under the interval of its
 * tier and the slot of its id, with the host as metadata so a tick can be polite without a get.
 * And the carry-over list: checks a tick was due to run but had no budget (or host quota) for.
 */
import type { Placement } from '../schedule/tiers';
import { keys } from './keys';

export interface DueEntry {
  id: string;
  host: string | null;
}

/** A check that a tick could not run and hands to the next one. */
export interface CarriedCheck {
  id: string;
  host: string | null;
  /** The interval of the tier it was listed under; null for a newly tracked article. */
  every: number | null;
}

/** The due-index key of an article at a placement (src/schedule/tiers.ts says which). */
export const dueKeyOf = (id: string, placement: Placement) => keys.due(placement.everyMinutes, placement.slot, id);

export async function putDue(kv: KVNamespace, key: string, host: string): Promise<void> {
  await kv.put(key, '', { metadata: { h: host } });
}

export async function deleteDue(kv: KVNamespace, key: string): Promise<void> {
  await kv.delete(key);
}

/** The ids due in one slot of one interval: one list call per 1,000 of them. */
export async function listDueSlot(kv: KVNamespace, everyMinutes: number, slot: number): Promise<DueEntry[]> {
  const prefix = keys.dueSlotPrefix(everyMinutes, slot);
  const entries: DueEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list<{ h?: string }>({ prefix, cursor });
    for (const key of page.keys) entries.push({ id: key.name.slice(prefix.length), host: key.metadata?.h ?? null });
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return entries;
}

/** What a tick hands to the next: checks it could not run, and due slots it could not list. */
export interface CarryOver {
  checks: CarriedCheck[];
  /** Due slots a tick could not list (a spent list quota): the next tick lists them too. */
  missed: DueSlot[];
}

/** One slot of one interval of the due index. */
export interface DueSlot {
  everyMinutes: number;
  slot: number;
}

/** The carry-over (stored as a bare list of checks before slots were carried too). */
export async function getCarryOver(kv: KVNamespace): Promise<CarryOver> {
  const stored = await kv.get<CarriedCheck[] | CarryOver>(keys.carry, 'json');
  if (!stored) return { checks: [], missed: [] };
  return Array.isArray(stored) ? { checks: stored, missed: [] } : { checks: stored.checks ?? [], missed: stored.missed ?? [] };
}

export async function getCarried(kv: KVNamespace): Promise<CarriedCheck[]> {
  return (await getCarryOver(kv)).checks;
}

/** Writes the carry-over; writes nothing when it was and stays empty. */
export async function putCarryOver(kv: KVNamespace, carry: CarryOver, before: number): Promise<void> {
  const size = carry.checks.length + carry.missed.length;
  if (size === 0 && before === 0) return;
  if (size === 0) await kv.delete(keys.carry);
  else await kv.put(keys.carry, JSON.stringify(carry.missed.length ? carry : carry.checks));
}
