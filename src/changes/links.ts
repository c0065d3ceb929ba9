/** Where a change lives: its permanent id in feeds and webhook messages, and the page it is read on. */
import type { ChangeRecord } from '../model/records';
import { hasTextChange } from '../store/change-card';

/**
 * `urn:redline:<id>:<from>-<to>:<hash>` for a change that made a version (the form feeds have
 * always used), `urn:redline:<id>:<seq>:<hash>` for an event that made none (its seq is unique).
 */
export function changeGuid(change: Pick<ChangeRecord, 'id' | 'seq' | 'from' | 'to' | 'hash'>): string {
  const versionEvent = !change.seq || /^\d+$/.test(change.seq);
  return `urn:redline:${change.id}:${versionEvent ? `${change.from}-${change.to}` : change.seq}:${change.hash.slice(0, 12)}`;
}

/** The page a change is read on: its diff, or for an event without a new text its place in the history. */
export function changePath(change: Pick<ChangeRecord, 'id' | 'seq' | 'from' | 'to' | 'event'>): string {
  return hasTextChange(change) ? `/articles/${change.id}/diff/${change.from}/${change.to}` : `/articles/${change.id}#change-${change.seq}`;
}
