/**
 * Placing an article in the schedule's due index (src/store/schedule.ts): one key under the
 * interval of its tier and the slot of its id. A step the ArticleWriter calls after each decision,
 * inside its serialised write, so an article is never listed under two keys.
 */
import { allPlacements, placementOf } from '../schedule/tiers';
import type { ScheduleTier } from '../settings';
import { deleteDue, dueKeyOf, putDue, type ArticleRecord } from '../store';

/**
 * Moves the article's due key to where its tier says, when it is not there already: on tracking,
 * on a new version (back to the first tier), on untracking, and when a check sees that it aged
 * into the next tier. `current` is the key it is listed under; undefined when unknown (state
 * adopted from KV: imported, or written before the schedule), and then every tier's key for this id
 * is cleared once. Answers the key it is listed under now, or undefined when nothing moved.
 */
export async function placeInSchedule(
  kv: KVNamespace,
  record: ArticleRecord,
  current: string | null | undefined,
  schedule: ScheduleTier[],
  at: Date,
): Promise<string | null | undefined> {
  const placement = placementOf(record, schedule, at);
  const wanted = placement ? dueKeyOf(record.id, placement) : null;
  if (current !== undefined && current === wanted) return undefined;
  if (wanted) await putDue(kv, wanted, record.site);
  if (current && current !== wanted) await deleteDue(kv, current);
  if (current === undefined) {
    for (const other of allPlacements(record.id, schedule)) {
      const key = dueKeyOf(record.id, other);
      if (key !== wanted) await deleteDue(kv, key);
    }
  }
  return wanted;
}
