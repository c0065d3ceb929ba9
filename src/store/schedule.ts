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

export async function getCarried(kv: KVNamespace): Promise<CarriedCheck[]> {
  return (await kv.get<CarriedCheck[]>(keys.carry, 'json')) ?? [];
}

/** Writes the carry-over list; writes nothing when it was and stays empty. */
export async function putCarried(kv: KVNamespace, checks: CarriedCheck[], before: number): Promise<void> {
  if (checks.length === 0 && before === 0) return;
  if (checks.length === 0) await kv.delete(keys.carry);
  else await kv.put(keys.carry, JSON.stringify(checks));
}
