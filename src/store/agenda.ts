/**
 * Agenda: one SQLite-backed Durable Object that holds what a cron tick must find besides the due
 * index (src/store/schedule.ts):
 *
 *   pending   newly tracked articles (id, host): due at the next tick, deleted once checked
 *   sources   the listing of the registered feeds and sitemaps (id, url, kind, tracked)
 *
 * Why: both were KV keys (`pending:<id>`, `source:<id>`) that every tick listed, 2 of its 6 KV
 * lists (Free allows 1,000 lists a day, the ticks alone took 576), and each pending marker cost
 * a KV write and a delete. Now a tick asks this object once (`due`) for the pending articles and
 * the sources due in its slot, and clears the ones it checked in one more call (`clearPending`);
 * a call costs a Durable Object request (100,000 a day on Free) and SQLite rows.
 *
 * Which is the truth: the listing here says which sources are registered (what the ticks read,
 * GET /sources lists, an export carries); each source's state (validators, the ids it handed
 * over, its last error) stays in its KV record `source:<id>`, which its SourceReader reads and
 * writes. Registering writes the record, then lists it here; deleting unlists it first, then
 * deletes the record; a record that lost its listing (a call that failed between the two) is
 * listed again when the same URL is registered again. A record's listing here is updated only
 * while it is listed, so a reader that finishes after a delete does not bring the source back.
 *
 * It also holds the import lease (`lease`): one import at a time may check that the namespace is
 * empty and write into it, so two imports started together cannot both find it empty and merge
 * (src/web/transfer.ts). A lease expires, so an import that dies holding it blocks the next only
 * until then.
 *
 * Deployments from before kept `pending:<id>` and `source:<id>` keys in KV: the first call imports
 * their listing (INSERT OR IGNORE, so rows written since win) and remembers that it did. The
 * `pending:` keys are left where they are: nothing reads them any more, and deleting them would
 * spend KV deletes for nothing.
 */
import { DurableObject } from 'cloudflare:workers';
import { count } from '../metrics';
import { slotKey, tickNumber, ticksPerInterval } from '../schedule/tiers';
import { keys } from './keys';
import { listKeys } from './list-keys';
import { MAX_METADATA_BYTES, utf8Bytes } from './metadata';

/** A newly tracked article; its host keeps the tick polite without a get (null: a marker from before hosts were kept). */
export interface PendingArticle {
  id: string;
  host: string | null;
}

export type SourceKind = 'rss' | 'atom' | 'sitemap' | 'sitemapindex';

/** What lists show of a source (its record, src/store/sources.ts, holds the rest). */
export interface SourceListing {
  url: string;
  kind: SourceKind | null;
  tracked: number;
}

export type ListedSource = SourceListing & { id: string };

/** What a tick needs from the agenda: the pending articles, and the sources due in its slot. */
export interface AgendaAtTick {
  pending: PendingArticle[];
  sources: ListedSource[];
}

/** The bindings the agenda reads (only KV, for the one-time import). */
interface AgendaBindings {
  REDLINE: KVNamespace;
}

type SourceRow = {
  id: string;
  url: string;
  kind: string | null;
  tracked: number;
};

const listed = (row: SourceRow): ListedSource => ({ id: row.id, url: row.url, kind: row.kind as SourceKind | null, tracked: row.tracked });

export class Agenda extends DurableObject<AgendaBindings> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: AgendaBindings) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS pending (id TEXT PRIMARY KEY, host TEXT);
CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, slot_key INTEGER NOT NULL, url TEXT NOT NULL, kind TEXT, tracked INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until_ms INTEGER NOT NULL);`);
  }

  // ---- the tick --------------------------------------------------------------------------------

  /** The pending articles, and the sources whose slot (of `ticks` per source interval) is `slot`. */
  async due(query: { slot: number; ticks: number }): Promise<AgendaAtTick> {
    await this.ensureImported();
    return {
      pending: this.pendingRows(),
      sources: this.sql
        .exec<SourceRow>('SELECT id, url, kind, tracked FROM sources WHERE slot_key % ? = ? ORDER BY id', query.ticks, query.slot)
        .toArray()
        .map(listed),
    };
  }

  // ---- pending articles ------------------------------------------------------------------------

  async markPending(article: PendingArticle): Promise<void> {
    await this.ensureImported();
    this.sql.exec('INSERT INTO pending (id, host) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET host = excluded.host', article.id, article.host);
  }

  /** Forgets the markers of articles that were checked (or handed to the queue), all in one call. */
  async clearPending(ids: string[]): Promise<void> {
    await this.ensureImported();
    for (const id of ids) this.sql.exec('DELETE FROM pending WHERE id = ?', id);
  }

  async pending(): Promise<PendingArticle[]> {
    await this.ensureImported();
    return this.pendingRows();
  }

  private pendingRows(): PendingArticle[] {
    return this.sql
      .exec<{ id: string; host: string | null }>('SELECT id, host FROM pending ORDER BY id')
      .toArray()
      .map((row) => ({ id: row.id, host: row.host }));
  }

  // ---- the source listing ----------------------------------------------------------------------

  /** Lists a source (registering, importing, or repairing a record that lost its listing). */
  async listSource(source: ListedSource): Promise<void> {
    await this.ensureImported();
    this.putSourceRow(source, 'REPLACE');
  }

  /** Updates a listed source's kind and count; a source that is not listed (deleted) stays unlisted. */
  async updateSource(source: ListedSource): Promise<void> {
    await this.ensureImported();
    this.sql.exec('UPDATE sources SET url = ?, kind = ?, tracked = ? WHERE id = ?', source.url, source.kind, source.tracked, source.id);
  }

  async unlistSource(id: string): Promise<void> {
    await this.ensureImported();
    this.sql.exec('DELETE FROM sources WHERE id = ?', id);
  }

  async sources(): Promise<ListedSource[]> {
    await this.ensureImported();
    return this.sql.exec<SourceRow>('SELECT id, url, kind, tracked FROM sources ORDER BY id').toArray().map(listed);
  }

  /** Forgets every row, with nothing left to import (an import into an empty namespace starts here). */
  async clear(): Promise<void> {
    this.sql.exec("DELETE FROM pending; DELETE FROM sources; INSERT OR REPLACE INTO meta (key, value) VALUES ('imported', 'cleared');");
  }

  // ---- the import lease ------------------------------------------------------------------------

  /**
   * Grants the lease `name` to `holder` for `ms` when no one else holds an unexpired one (the
   * holder itself may renew it). True when `holder` holds it now. One call, so two cannot both win.
   */
  async takeLease(name: string, holder: string, ms: number): Promise<boolean> {
    const now = Date.now();
    const held = this.sql.exec<{ holder: string; until_ms: number }>('SELECT holder, until_ms FROM lease WHERE name = ?', name).toArray()[0];
    if (held && held.holder !== holder && held.until_ms > now) return false;
    this.sql.exec('INSERT OR REPLACE INTO lease (name, holder, until_ms) VALUES (?, ?, ?)', name, holder, now + ms);
    return true;
  }

  /** Gives the lease back, if `holder` still holds it. */
  async releaseLease(name: string, holder: string): Promise<void> {
    this.sql.exec('DELETE FROM lease WHERE name = ? AND holder = ?', name, holder);
  }

  private putSourceRow(source: ListedSource, conflict: 'REPLACE' | 'IGNORE') {
    this.sql.exec(
      `INSERT OR ${conflict} INTO sources (id, slot_key, url, kind, tracked) VALUES (?, ?, ?, ?, ?)`,
      source.id,
      slotKey(source.id),
      source.url,
      source.kind,
      source.tracked,
    );
  }

  // ---- the one-time import from KV -------------------------------------------------------------

  private isImported(): boolean {
    return this.sql.exec("SELECT 1 FROM meta WHERE key = 'imported'").toArray().length > 0;
  }

  /** Imports once; calls meanwhile wait, so none of them sees a half-imported agenda. */
  private async ensureImported(): Promise<void> {
    if (this.isImported()) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.isImported()) return;
      await this.importFromKv();
      this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('imported', ?)", new Date().toISOString());
    });
  }

  /**
   * Imports the `pending:` and `source:` listings (one KV list per 1,000 keys, metadata only). A
   * source's metadata had its URL cut when it did not fit in 1,024 bytes: for those few its
   * record is read. A throw (a spent list allowance) leaves nothing marked, so the next call tries again.
   */
  private async importFromKv(): Promise<void> {
    const kv = this.env.REDLINE;
    const pending: PendingArticle[] = [];
    for await (const key of listKeys<{ h?: string }>(kv, keys.pendingPrefix))
      pending.push({ id: keys.idFromPendingKey(key.name), host: key.metadata?.h ?? null });
    const sources: ListedSource[] = [];
    for await (const key of listKeys<SourceListing>(kv, keys.sourcePrefix)) {
      const id = key.name.slice(keys.sourcePrefix.length);
      let listing = key.metadata;
      if (!listing || utf8Bytes(JSON.stringify(listing)) > MAX_METADATA_BYTES - 64) {
        const record = await kv.get<SourceListing>(key.name, 'json');
        listing = record ? { url: record.url, kind: record.kind, tracked: record.tracked } : undefined;
      }
      if (listing && typeof listing.url === 'string') sources.push({ id, url: listing.url, kind: listing.kind ?? null, tracked: listing.tracked ?? 0 });
    }
    for (const article of pending) this.sql.exec('INSERT OR IGNORE INTO pending (id, host) VALUES (?, ?)', article.id, article.host);
    for (const source of sources) this.putSourceRow(source, 'IGNORE');
    if (pending.length || sources.length) console.log(`agenda: imported ${pending.length} pending markers and ${sources.length} sources from KV`);
  }
}

type AgendaEnv = { AGENDA: DurableObjectNamespace<Agenda> };

/** The one agenda object (each call is a Durable Object request: counted for the benchmark). */
export function agenda(env: AgendaEnv): DurableObjectStub<Agenda> {
  count('agendaCalls');
  return env.AGENDA.get(env.AGENDA.idFromName('global'));
}

/** The tick's one call: pending articles, and the sources due in this tick's slot of the source interval. */
export async function agendaAt(env: AgendaEnv, now: Date, sourceEveryMinutes: number): Promise<AgendaAtTick> {
  const ticks = ticksPerInterval(sourceEveryMinutes);
  return agenda(env).due({ slot: tickNumber(now) % ticks, ticks });
}

/** Empties the agenda (an import into an empty namespace; nothing is left to import from KV). */
export async function clearAgenda(env: AgendaEnv): Promise<void> {
  await agenda(env).clear();
}

/**
 * How long an import's lease lasts without being renewed: an import renews it as it writes, so
 * only one that died (or stalled this long between two writes) lets the next import in.
 */
export const IMPORT_LEASE_MS = 5 * 60_000;

/** The import's hold on the namespace (see Agenda): `take` answers false while another import holds it. */
export class ImportLease {
  private readonly holder = crypto.randomUUID();
  private takenAt = 0;

  constructor(private readonly env: AgendaEnv) {}

  async take(): Promise<boolean> {
    const taken = await agenda(this.env).takeLease('import', this.holder, IMPORT_LEASE_MS);
    if (taken) this.takenAt = Date.now();
    return taken;
  }

  /** Renews the lease once a minute or so (each renewal is one Durable Object request); false when it was lost. */
  async keep(): Promise<boolean> {
    if (Date.now() - this.takenAt < 60_000) return true;
    return this.take();
  }

  async release(): Promise<void> {
    await agenda(this.env).releaseLease('import', this.holder);
  }
}
