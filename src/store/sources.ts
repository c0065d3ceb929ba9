/**
 * Discovery sources: RSS/Atom feeds and sitemaps whose new articles are tracked. Each source's
 * record (its state: validators, the ids it handed over, its last error) is a KV key; which
 * sources are registered is the Agenda's listing (src/store/agenda.ts), so a tick finds the due
 * ones in its one call to the agenda instead of a KV list.
 */
import { agenda, type Agenda, type ListedSource, type SourceKind } from './agenda';
import { keys } from './keys';

export type { ListedSource, SourceKind, SourceListing } from './agenda';

/** The bindings a source is kept in: its record in KV, its listing in the agenda. */
export interface SourceStore {
  REDLINE: KVNamespace;
  AGENDA: DurableObjectNamespace<Agenda>;
}

export interface SourceRecord {
  id: string;
  url: string;
  kind: SourceKind | null;
  createdAt: string;
  /** Validators of the last read that found something new (conditional requests). */
  etag: string | null;
  lastModified: string | null;
  /** Article ids this source already handed over, newest last (at most MAX_SEEN). */
  seen: string[];
  /** Articles this source started tracking, in all. */
  tracked: number;
  lastReadAt: string | null;
  lastError: string | null;
  /** The site asked us to wait (Retry-After) until then. */
  retryAt: string | null;
}

export const MAX_SEEN = 5000;

export async function getSource(kv: KVNamespace, id: string): Promise<SourceRecord | null> {
  return kv.get<SourceRecord>(keys.source(id), 'json');
}

const listingOf = (source: SourceRecord): ListedSource => ({ id: source.id, url: source.url, kind: source.kind, tracked: source.tracked });

function recordValue(source: SourceRecord): string {
  return JSON.stringify({ ...source, seen: source.seen.slice(-MAX_SEEN) });
}

/** Registers a source: its record, then its listing (listed means registered). Lists it again if it was not. */
export async function addSource(store: SourceStore, source: SourceRecord): Promise<void> {
  await store.REDLINE.put(keys.source(source.id), recordValue(source));
  await agenda(store).listSource(listingOf(source));
}

/** Lists a source whose record is in KV (a register of a URL whose record lost its listing). */
export async function relistSource(store: Pick<SourceStore, 'AGENDA'>, source: SourceRecord): Promise<void> {
  await agenda(store).listSource(listingOf(source));
}

/**
 * Saves a registered source's state. Its listing follows while it is listed (a deleted source
 * stays deleted in the listing), and only when what it shows changed from `previous`.
 */
export async function putSource(store: SourceStore, source: SourceRecord, previous?: SourceRecord): Promise<void> {
  await store.REDLINE.put(keys.source(source.id), recordValue(source));
  if (previous && previous.url === source.url && previous.kind === source.kind && previous.tracked === source.tracked) return;
  await agenda(store).updateSource(listingOf(source));
}

/** Unlists a source, then deletes its record (a record left by a failed delete is listed by nothing). */
export async function deleteSource(store: SourceStore, id: string): Promise<void> {
  await agenda(store).unlistSource(id);
  await store.REDLINE.delete(keys.source(id));
}

/** Keys a bulk KV read takes at most. */
const BULK_READ_KEYS = 100;

/**
 * The last error of each source in `ids` (null: its last read went well, or no record), read in
 * bulk: one KV call per 100 sources, billed as one KV read per source.
 */
export async function sourceErrors(kv: KVNamespace, ids: string[]): Promise<Map<string, string | null>> {
  const errors = new Map<string, string | null>();
  for (let at = 0; at < ids.length; at += BULK_READ_KEYS) {
    const batch = ids.slice(at, at + BULK_READ_KEYS);
    const records = await kv.get<SourceRecord>(
      batch.map((id) => keys.source(id)),
      'json',
    );
    for (const id of batch) errors.set(id, records.get(keys.source(id))?.lastError ?? null);
  }
  return errors;
}

/** Every registered source's listing: one call to the agenda, no KV list. */
export async function listSources(store: Pick<SourceStore, 'AGENDA'>): Promise<ListedSource[]> {
  return agenda(store).sources();
}
