/**
 * The adaptive schedule, as NewsDiffs does it: an article is checked often while it is young or
 * has just changed, less as it ages, and not at all after the last tier. Its age counts from its
 * latest version (first seen, or last change), so a change sends it back to the first tier.
 *
 * Each tier is checked every `everyMinutes`, in the tick slot `hash(id) mod ticks-per-interval`,
 * so the load of a tier spreads evenly over its ticks and nothing has to write "checked at".
 */
import type { ArticleRecord } from '../model/records';
import type { ScheduleTier } from '../settings';

/** The cron runs every 15 minutes (wrangler.toml). */
export const TICK_MINUTES = 15;
const TICK_MS = TICK_MINUTES * 60_000;

export const tickNumber = (now: Date | number) => Math.floor((typeof now === 'number' ? now : now.getTime()) / TICK_MS);

export const ticksPerInterval = (everyMinutes: number) => Math.max(1, Math.round(everyMinutes / TICK_MINUTES));

/** The number an id's slots derive from: its first 8 hex digits (ids are hashes, so these spread evenly). */
export const slotKey = (id: string) => parseInt(id.slice(0, 8), 16);

export const slotOf = (id: string, everyMinutes: number) => slotKey(id) % ticksPerInterval(everyMinutes);

/** When the article's current age began: its latest version, else when it was first tracked. */
export function anchorOf(record: Pick<ArticleRecord, 'versions' | 'createdAt'>): number {
  const latest = record.versions.at(-1);
  return Date.parse(latest?.fetchedAt ?? record.createdAt);
}

/** The tier for an age, or null once the article is older than the last tier. */
export function tierFor(schedule: ScheduleTier[], anchorMs: number, nowMs: number): ScheduleTier | null {
  const ageMinutes = Math.max(0, nowMs - anchorMs) / 60_000;
  return schedule.find((tier) => tier.untilMinutes === null || ageMinutes < tier.untilMinutes) ?? null;
}

/** Where the due index holds an article: the interval of its tier and its slot in that interval (src/store/schedule.ts makes the key). */
export interface Placement {
  everyMinutes: number;
  slot: number;
}

/** Where the due index should hold this article now; null: not scheduled (untracked or too old). */
export function placementOf(record: ArticleRecord, schedule: ScheduleTier[], now: Date | number): Placement | null {
  if (!record.active) return null;
  const tier = tierFor(schedule, anchorOf(record), typeof now === 'number' ? now : now.getTime());
  if (!tier) return null;
  return { everyMinutes: tier.everyMinutes, slot: slotOf(record.id, tier.everyMinutes) };
}

/** Every place the index could hold `id` with this schedule (one per interval). */
export function allPlacements(id: string, schedule: ScheduleTier[]): Placement[] {
  return [...new Set(schedule.map((tier) => tier.everyMinutes))].map((everyMinutes) => ({ everyMinutes, slot: slotOf(id, everyMinutes) }));
}

/** The (interval, slot) pairs due at this tick: one list call each. */
export function dueSlots(schedule: ScheduleTier[], now: Date): { everyMinutes: number; slot: number }[] {
  const tick = tickNumber(now);
  const intervals = [...new Set(schedule.map((tier) => tier.everyMinutes))];
  return intervals.map((everyMinutes) => ({ everyMinutes, slot: tick % ticksPerInterval(everyMinutes) }));
}

/** Checks one article gets over the whole schedule (for the cost model); Infinity if it never stops. */
export function checksPerLifetime(schedule: ScheduleTier[]): number {
  let total = 0;
  let from = 0;
  for (const tier of schedule) {
    if (tier.untilMinutes === null) return Infinity;
    total += (tier.untilMinutes - from) / Math.max(TICK_MINUTES, tier.everyMinutes);
    from = tier.untilMinutes;
  }
  return total;
}
