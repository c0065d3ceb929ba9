/**
 * ReadIndex: one SQLite-backed Durable Object that keeps what the reader's side lists, so pages
 * and feeds answer with one call to it instead of KV list calls and a get per change:
 *
 *   articles   one row per tracked article: its listing, when it was tracked, its first version
 *   changes    one row per change: its card (src/store/change-card.ts), time, outlet and kinds
 *   notes      what went wrong in the background (a tick that hit a quota), for the home page
 *
 * Why one object: every article has its own ArticleWriter, and a shared index updated by
 * read-modify-write from many of them would lose updates. Here each writer sends its update to
 * this one object, whose SQLite writes run one at a time, and reads are indexed queries.
 * Why not published KV values: a value per feed rewritten on every change costs KV writes (1,000
 * a day on Free, one a second per key), while a row here costs a SQLite row write (100,000 a day).
 * See docs/reads.md for the measurements.
 *
 * Data written before this index existed (or restored by an import) is backfilled from KV: the
 * first call after that lists the articles, then the changes, getting each, at most REBUILD_OPS
 * KV operations per invocation, and an alarm carries on until it is done. Rows written by the article writers
 * meanwhile win over rows the backfill finds (INSERT OR IGNORE).
 */
import { DurableObject } from 'cloudflare:workers';
import { CHANGE_KINDS } from '../diff/kind';
import { cardOf, changeRecordProblem, hasTextChange, type ChangeCard } from './change-card';
import { keys } from './keys';
import type { ArticleRecord, ChangeEvent, ChangeKind, ChangeRecord } from '../model/records';

/** What lists show of an article. */
export interface IndexedArticle {
  id: string;
  url: string;
  site: string;
  title: string | null;
  active: boolean;
  versions: number;
  createdAt: string;
  /** When its first version was stored (null before it has one). */
  firstSeen: string | null;
}

/** One change of an outlet, as its record counts it. */
export interface SiteChangeRow {
  id: string;
  at: string;
  event: ChangeEvent;
  kinds: ChangeKind[];
  text: boolean;
}

export interface SiteRows {
  articles: number;
  /** First sight of each article of the outlet that has a first version. */
  firstSeen: Record<string, string>;
  changes: SiteChangeRow[];
  recent: ChangeCard[];
}

export interface IndexNote {
  at: string;
  /** What was running: "tick", "queue", ... */
  source: string;
  message: string;
}

export interface HomeRows {
  changes: ChangeCard[];
  articles: IndexedArticle[];
  cursor: string | null;
  sites: string[];
  notes: IndexNote[];
}

export interface IndexUpdate {
  article?: IndexedArticle;
  cards?: ChangeCard[];
}

/** KV operations one backfill step may spend (an invocation may make 1,000). */
const REBUILD_OPS = 400;

/** Where the backfill is: listing articles, then changes; the page's cursor and the keys of it done. */
interface RebuildState {
  phase: 'articles' | 'changes';
  cursor: string | null;
  skip: number;
}
const NOTES_KEPT = 50;

export function indexedArticle(record: ArticleRecord): IndexedArticle {
  return {
    id: record.id,
    url: record.url,
    site: record.site,
    title: record.title,
    active: record.active,
    versions: record.versions.length,
    createdAt: record.createdAt,
    firstSeen: record.versions[0]?.fetchedAt ?? null,
  };
}

const kindBits = (kinds: readonly ChangeKind[]) => kinds.reduce((bits, kind) => bits | (1 << CHANGE_KINDS.indexOf(kind)), 0);
const kindsOfBits = (bits: number) => CHANGE_KINDS.filter((_, i) => bits & (1 << i));

const encodeCursor = (createdAt: string, id: string) => btoa(`${createdAt}\n${id}`).replace(/=+$/, '');
function decodeCursor(cursor: string): [string, string] | null {
  try {
    const [createdAt, id] = atob(cursor).split('\n');
    return createdAt && id ? [createdAt, id] : null;
  } catch {
    return null;
  }
}

function parseRow<T>(json: string, what: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    console.error(`read index: an unreadable ${what} row was skipped`);
    return null;
  }
}

/** The bindings the index reads (only KV, for the backfill). */
interface IndexEnv {
  REDLINE: KVNamespace;
}

export class ReadIndex extends DurableObject<IndexEnv> {
  private readonly sql: SqlStorage;
  private readonly kv: KVNamespace;

  constructor(ctx: DurableObjectState, env: IndexEnv) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.kv = env.REDLINE;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, site TEXT NOT NULL, created_at TEXT NOT NULL, listing TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_created ON articles (created_at, id);
CREATE INDEX IF NOT EXISTS articles_site ON articles (site, created_at, id);
CREATE TABLE IF NOT EXISTS changes (id TEXT NOT NULL, seq TEXT NOT NULL, at TEXT NOT NULL, site TEXT NOT NULL, kind_bits INTEGER NOT NULL, card TEXT NOT NULL, PRIMARY KEY (id, seq));
CREATE INDEX IF NOT EXISTS changes_at ON changes (at);
CREATE INDEX IF NOT EXISTS changes_site_at ON changes (site, at);
CREATE TABLE IF NOT EXISTS notes (at TEXT NOT NULL, source TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
  }

  // ---- writes ------------------------------------------------------------------------------------

  /** An article writer's update: the article's listing and any new change cards. Idempotent. */
  async record(update: IndexUpdate): Promise<void> {
    await this.ensureBuilt();
    if (update.article) this.putArticle(update.article, 'REPLACE');
    for (const card of update.cards ?? []) this.putCard(card, 'REPLACE');
  }

  /** Something went wrong in the background (a spent quota, a platform error): keep it for the home page. */
  note(note: IndexNote): void {
    this.sql.exec('INSERT INTO notes (at, source, message) VALUES (?, ?, ?)', note.at, note.source, note.message.slice(0, 500));
    this.sql.exec('DELETE FROM notes WHERE rowid NOT IN (SELECT rowid FROM notes ORDER BY at DESC LIMIT ?)', NOTES_KEPT);
  }

  /** Forgets everything and backfills from KV again (after an import, or to repair). */
  async rebuild(): Promise<void> {
    await this.ctx.blockConcurrencyWhile(async () => {
      this.sql.exec('DELETE FROM articles; DELETE FROM changes; DELETE FROM meta;');
    });
    await this.ensureBuilt();
  }

  private putArticle(article: IndexedArticle, conflict: 'REPLACE' | 'IGNORE') {
    this.sql.exec(
      `INSERT OR ${conflict} INTO articles (id, site, created_at, listing) VALUES (?, ?, ?, ?)`,
      article.id,
      article.site,
      article.createdAt,
      JSON.stringify(article),
    );
  }

  private putCard(card: ChangeCard, conflict: 'REPLACE' | 'IGNORE') {
    this.sql.exec(
      `INSERT OR ${conflict} INTO changes (id, seq, at, site, kind_bits, card) VALUES (?, ?, ?, ?, ?, ?)`,
      card.id,
      card.seq,
      card.at,
      card.site,
      kindBits(card.kinds),
      JSON.stringify(card),
    );
  }

  // ---- reads -------------------------------------------------------------------------------------

  /** The latest changes, newest first, of every outlet or one, of every kind or one. */
  async latest(options: { site?: string; kind?: ChangeKind; limit: number }): Promise<ChangeCard[]> {
    await this.ensureBuilt();
    return this.latestCards(options);
  }

  private latestCards({ site, kind, limit }: { site?: string; kind?: ChangeKind; limit: number }): ChangeCard[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (site) where.push('site = ?') && args.push(site);
    if (kind) where.push('(kind_bits & ?) != 0') && args.push(1 << CHANGE_KINDS.indexOf(kind));
    const rows = this.sql
      .exec<{ card: string }>(
        `SELECT card FROM changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id, seq LIMIT ?`,
        ...args,
        limit,
      )
      .toArray();
    return rows.flatMap((row) => parseRow<ChangeCard>(row.card, 'change') ?? []);
  }

  /** One outlet's latest changes, and whether Redline tracks any article there (an unknown site has no feed). */
  async siteLatest(options: { site: string; kind?: ChangeKind; limit: number }): Promise<{ tracked: boolean; cards: ChangeCard[] }> {
    await this.ensureBuilt();
    const cards = this.latestCards(options);
    const tracked = cards.length > 0 || this.sql.exec('SELECT 1 FROM articles WHERE site = ? LIMIT 1', options.site).toArray().length > 0;
    return { tracked, cards };
  }

  /** Everything the home page lists: the latest changes, a page of articles (newest first), the outlets, the notes. */
  async home(options: { site?: string; kind?: ChangeKind; changes: number; articles: number; cursor?: string | null }): Promise<HomeRows> {
    await this.ensureBuilt();
    const after = options.cursor ? decodeCursor(options.cursor) : null;
    const where: string[] = [];
    const args: string[] = [];
    if (options.site) where.push('site = ?') && args.push(options.site);
    if (after) where.push('(created_at < ? OR (created_at = ? AND id > ?))') && args.push(after[0], after[0], after[1]);
    const rows = this.sql
      .exec<{ listing: string }>(
        `SELECT listing FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT ?`,
        ...args,
        options.articles + 1,
      )
      .toArray();
    const articles = rows.slice(0, options.articles).flatMap((row) => parseRow<IndexedArticle>(row.listing, 'article') ?? []);
    const last = articles.at(-1);
    const sites = this.sql
      .exec<{ site: string }>('SELECT DISTINCT site FROM articles ORDER BY site LIMIT 1000')
      .toArray()
      .map((row) => row.site);
    return {
      changes: this.latestCards({ site: options.site, kind: options.kind, limit: options.changes }),
      articles,
      cursor: rows.length > options.articles && last ? encodeCursor(last.createdAt, last.id) : null,
      sites,
      notes: this.recentNotes(5),
    };
  }

  /** One article's listing and its latest `limit` change cards, oldest first. */
  async article(id: string, limit: number): Promise<{ article: IndexedArticle | null; cards: ChangeCard[] }> {
    await this.ensureBuilt();
    const listing = this.sql.exec<{ listing: string }>('SELECT listing FROM articles WHERE id = ?', id).toArray()[0];
    const rows = this.sql.exec<{ card: string }>('SELECT card FROM changes WHERE id = ? ORDER BY seq DESC LIMIT ?', id, limit).toArray();
    return {
      article: listing ? parseRow<IndexedArticle>(listing.listing, 'article') : null,
      cards: rows.flatMap((row) => parseRow<ChangeCard>(row.card, 'change') ?? []).reverse(),
    };
  }

  /** What the record of one outlet is computed from. */
  async site(site: string, recent: number): Promise<SiteRows> {
    await this.ensureBuilt();
    const articles = this.sql
      .exec<{ id: string; first: string | null }>("SELECT id, json_extract(listing, '$.firstSeen') AS first FROM articles WHERE site = ?", site)
      .toArray();
    const firstSeen: Record<string, string> = {};
    for (const row of articles) if (row.first) firstSeen[row.id] = row.first;
    const changes = this.sql
      .exec<{ id: string; at: string; kind_bits: number; event: ChangeEvent | null; src: number; dst: number }>(
        "SELECT id, at, kind_bits, json_extract(card, '$.event') AS event, json_extract(card, '$.from') AS src, json_extract(card, '$.to') AS dst FROM changes WHERE site = ? ORDER BY at DESC, id, seq",
        site,
      )
      .toArray()
      .map((row): SiteChangeRow => {
        const event = row.event ?? 'edit';
        return { id: row.id, at: row.at, event, kinds: kindsOfBits(row.kind_bits), text: hasTextChange({ event, from: row.src, to: row.dst }) };
      });
    return { articles: articles.length, firstSeen, changes, recent: this.latestCards({ site, limit: recent }) };
  }

  async notes(limit = 10): Promise<IndexNote[]> {
    return this.recentNotes(limit);
  }

  private recentNotes(limit: number): IndexNote[] {
    return this.sql
      .exec<{ at: string; source: string; message: string }>('SELECT at, source, message FROM notes ORDER BY at DESC LIMIT ?', limit)
      .toArray()
      .map((row) => ({ ...row }));
  }

  // ---- backfill from KV ------------------------------------------------------------------------

  async alarm(): Promise<void> {
    await this.ensureBuilt();
  }

  private isBuilt(): boolean {
    return this.sql.exec('SELECT 1 FROM meta WHERE key = ?', 'built').toArray().length > 0;
  }

  /** Backfills what KV holds and the index does not, one bounded step now and the rest by alarm. */
  private async ensureBuilt(): Promise<void> {
    if (this.isBuilt()) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.isBuilt()) return;
      const done = await this.rebuildStep();
      if (done) this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('built', ?)", new Date().toISOString());
      else await this.ctx.storage.setAlarm(Date.now() + 1000);
    });
  }

  /**
   * One step of the backfill; true when it is done. It lists every article, then every change
   * (1,000 keys a list call, whatever their articles), and gets each record; where it stopped
   * (the list cursor and how many keys of that page are done) is kept, so the next step resumes.
   */
  private async rebuildStep(): Promise<boolean> {
    const saved = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'rebuild'").toArray()[0]?.value;
    const state: RebuildState = saved ? JSON.parse(saved) : { phase: 'articles', cursor: null, skip: 0 };
    const save = () => this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('rebuild', ?)", JSON.stringify(state));
    let ops = 0;
    while (ops < REBUILD_OPS) {
      const page = await this.kv.list({ prefix: state.phase === 'articles' ? keys.articlePrefix : keys.changePrefix, cursor: state.cursor ?? undefined });
      ops++;
      while (state.skip < page.keys.length && ops < REBUILD_OPS) {
        const name = page.keys[state.skip].name;
        if (state.phase === 'articles') await this.backfillArticle(keys.idFromArticleKey(name));
        else await this.backfillChange(name);
        ops++;
        state.skip++;
      }
      if (state.skip < page.keys.length) break;
      if (page.list_complete && state.phase === 'changes') {
        this.sql.exec("DELETE FROM meta WHERE key = 'rebuild'");
        return true;
      }
      Object.assign(state, page.list_complete ? { phase: 'changes', cursor: null, skip: 0 } : { cursor: page.cursor, skip: 0 });
    }
    save();
    return false;
  }

  private async backfillArticle(id: string): Promise<void> {
    const record = await this.kv.get<ArticleRecord>(keys.article(id), 'json');
    if (
      !record ||
      typeof record.url !== 'string' ||
      typeof record.site !== 'string' ||
      typeof record.createdAt !== 'string' ||
      !Array.isArray(record.versions)
    ) {
      console.error(`read index: article ${id} is malformed in KV and was skipped`);
      return;
    }
    this.putArticle(indexedArticle(record), 'IGNORE');
  }

  private async backfillChange(key: string): Promise<void> {
    const change = await this.kv.get<ChangeRecord>(key, 'json');
    const problem = changeRecordProblem(change);
    if (problem) console.error(`read index: change ${key} is malformed (${problem}) and was skipped`);
    else this.putCard(cardOf(change!), 'IGNORE');
  }
}

/** The one index object. */
export function readIndex(env: { READ_INDEX: DurableObjectNamespace<ReadIndex> }): DurableObjectStub<ReadIndex> {
  return env.READ_INDEX.get(env.READ_INDEX.idFromName('global'));
}
