/**
 * The Durable Object that serialises every write to one article. KV has no transactions and is
 * eventually consistent, so two checks of one article (cron overlap, a manual check during the
 * cron, a queue redelivery) could both read version 3 and both write version 4. One object per
 * article, holding the authoritative record in its own strongly consistent storage and running
 * one write at a time, makes version numbers contiguous and unique; KV is its published mirror,
 * which the API, pages and feeds read, and the read index (src/store/read-index.ts) lists it.
 *
 * Placing the article in the schedule (./placement.ts) and announcing a change (src/notify) are
 * steps it calls; what it does itself is serialise, decide (./decide.ts) and commit.
 *
 * Writes go: the new version and its change to KV (append-only keys that no record names yet),
 * then the record to this object's storage with an "unpublished" marker (the commit), then the
 * change cards and listing to the read index, then the record to KV, then the marker cleared.
 * A crash or a failed KV write before the commit leaves only unreferenced keys that the retry
 * overwrites. One after it leaves the marker: every later call to this object publishes again
 * first. The KV record goes last on purpose: while it lags, the next check's routine shortcut
 * (which reads the KV copy) sees a difference and comes here, so the repair is never skipped.
 *
 * The latest version's text is stored apart from the record, in chunks: a SQLite-backed object
 * stores at most 2 MB per value, and a text may be as long as a page (MAX_PAGE_BYTES, 5 MB).
 */
import { DurableObject } from 'cloudflare:workers';
import { settingsFrom, type Env } from '../settings';
import { captureSettingsFrom, requestCapture, type CaptureSettings } from '../evidence/archive';
import { getArticle, getVersion, putArticle, putChange, putSiteArticle, putVersion, type ArchiveCapture, type ArticleRecord } from '../store';
import { cardOf, type ChangeCard } from '../store/change-card';
import { indexedArticle, readIndex } from '../store/read-index';
import { announceChange } from '../notify';
import { decide, type CheckResult, type Observation } from './decide';
import { placeInSchedule } from './placement';

interface WriterState {
  record: ArticleRecord;
  /** Written before texts were kept apart; read once, then moved to the text chunks. */
  latestText?: string | null;
  /** The article's key in the due index (src/schedule); undefined for state written before it. */
  dueKey?: string | null;
  /** Committed here but not yet (wholly) published to the read index and KV: the cards to publish. */
  unpublished?: ChangeCard[];
}

/** In memory: the state and the latest version's text, which is stored apart. */
interface Loaded {
  state: WriterState;
  latestText: string | null;
  /** False when the text is not in this object's storage yet (adopted from KV, or stored inside the old state). */
  textStored: boolean;
}

const STATE = 'state';
const TEXT_CHUNKS = 'text-chunks';
const textChunkKey = (i: number) => `text:${i}`;
/** Characters per stored chunk of text: at most 2 bytes each when serialised, well under 2 MB. */
const TEXT_CHUNK_CHARS = 500_000;

export class ArticleWriter extends DurableObject<Env> {
  /** KV puts are not storage operations, so input gates alone would let two writes interleave. */
  private async serially<T>(work: () => Promise<T>): Promise<T> {
    // A throw inside blockConcurrencyWhile resets the object; a failed KV write is no reason to.
    const outcome = await this.ctx.blockConcurrencyWhile(async () => {
      try {
        return { ok: true as const, value: await work() };
      } catch (error) {
        return { ok: false as const, error };
      }
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  private async load(id: string): Promise<Loaded | null> {
    const stored = await this.ctx.storage.get<WriterState>(STATE);
    if (stored) {
      const legacy = stored.latestText !== undefined;
      const loaded: Loaded = {
        state: { ...stored, latestText: undefined },
        latestText: legacy ? (stored.latestText ?? null) : await this.readText(),
        textStored: !legacy,
      };
      // Committed but not (wholly) published by an earlier call: publish before anything else.
      if (stored.unpublished) await this.publish(loaded.state);
      return loaded;
    }
    // An article this object has not seen (written before it existed, or imported): adopt KV's copy.
    const record = await getArticle(this.env.REDLINE, id);
    if (!record) return null;
    const latest = record.versions.at(-1);
    const latestText = latest ? ((await getVersion(this.env.REDLINE, id, latest.n))?.text ?? null) : null;
    return { state: { record }, latestText, textStored: false };
  }

  private async readText(): Promise<string | null> {
    const count = await this.ctx.storage.get<number>(TEXT_CHUNKS);
    if (count === undefined) return null;
    const chunks = await this.ctx.storage.get<string>(Array.from({ length: count }, (_, i) => textChunkKey(i)));
    return Array.from({ length: count }, (_, i) => chunks.get(textChunkKey(i)) ?? '').join('');
  }

  /**
   * Commits the state (and the latest text, when `text` is given) in one storage write, marked
   * unpublished with `cards`, then publishes.
   */
  private async save(state: WriterState, cards: ChangeCard[] = [], text?: string | null): Promise<void> {
    state.unpublished = [...(state.unpublished ?? []), ...cards];
    const entries: Record<string, unknown> = { [STATE]: { ...state, latestText: undefined } };
    let stale: string[] = [];
    if (text !== undefined) {
      const before = (await this.ctx.storage.get<number>(TEXT_CHUNKS)) ?? 0;
      const chunks =
        text === null
          ? []
          : Array.from({ length: Math.ceil(text.length / TEXT_CHUNK_CHARS) }, (_, i) => text.slice(i * TEXT_CHUNK_CHARS, (i + 1) * TEXT_CHUNK_CHARS));
      for (const [i, chunk] of chunks.entries()) entries[textChunkKey(i)] = chunk;
      entries[TEXT_CHUNKS] = chunks.length;
      stale = Array.from({ length: Math.max(0, before - chunks.length) }, (_, i) => textChunkKey(chunks.length + i));
    }
    await this.ctx.storage.put(entries);
    if (stale.length) await this.ctx.storage.delete(stale);
    await this.publish(state);
  }

  /** Publishes committed state: cards and listing to the read index, then the record to KV. */
  private async publish(state: WriterState): Promise<void> {
    await readIndex(this.env).record({ article: indexedArticle(state.record), cards: state.unpublished ?? [] });
    await putArticle(this.env.REDLINE, state.record);
    if (state.unpublished) {
      state.unpublished = undefined;
      await this.ctx.storage.put(STATE, { ...state, latestText: undefined });
    }
  }

  /** Places the article in the schedule (src/check/placement.ts); answers whether `state` changed (the caller saves it). */
  private async place(state: WriterState, at: Date): Promise<boolean> {
    const moved = await placeInSchedule(this.env.REDLINE, state.record, state.dueKey, settingsFrom(this.env).schedule, at);
    if (moved === undefined) return false;
    state.dueKey = moved;
    return true;
  }

  /** Asks the Internet Archive for a capture of a new version and records the outcome (src/evidence/archive.ts). */
  private async capture(id: string, n: number, url: string, settings: CaptureSettings): Promise<void> {
    const outcome = await requestCapture(url, settings).catch(
      (error): ArchiveCapture => ({ status: 'error', requestedAt: new Date().toISOString(), url: null, jobId: null, error: String(error) }),
    );
    await this.serially(async () => {
      const loaded = await this.load(id);
      if (!loaded?.state.record.versions.some((v) => v.n === n)) return;
      const versions = loaded.state.record.versions.map((v) => (v.n === n ? { ...v, archive: outcome } : v));
      await this.save({ ...loaded.state, record: { ...loaded.state.record, versions } }, [], this.textToStore(loaded));
    });
  }

  /** A check noticed the article aged out of the tier it was listed under. */
  reschedule(id: string, at: string): Promise<boolean> {
    return this.serially(async () => {
      const loaded = await this.load(id);
      if (!loaded || !(await this.place(loaded.state, new Date(at)))) return false;
      await this.save(loaded.state, [], this.textToStore(loaded));
      return true;
    });
  }

  /** Starts tracking (or tracks again); answers the record and whether it is new. */
  track(fresh: ArticleRecord): Promise<{ article: ArticleRecord; created: boolean }> {
    return this.serially(async () => {
      const loaded = await this.load(fresh.id);
      if (loaded?.state.record.active) return { article: loaded.state.record, created: false };
      const record = loaded ? { ...loaded.state.record, active: true, deletedAt: null } : fresh;
      const next: WriterState = { ...loaded?.state, record };
      await this.place(next, new Date());
      await this.save(next, [], loaded ? this.textToStore(loaded) : null);
      if (!loaded) await putSiteArticle(this.env.REDLINE, record);
      return { article: record, created: !loaded };
    });
  }

  untrack(id: string, at: string): Promise<ArticleRecord | null> {
    return this.serially(async () => {
      const loaded = await this.load(id);
      if (!loaded) return null;
      if (!loaded.state.record.active) return loaded.state.record;
      const record = { ...loaded.state.record, active: false, deletedAt: at };
      const next = { ...loaded.state, record };
      await this.place(next, new Date(at));
      await this.save(next, [], this.textToStore(loaded));
      return record;
    });
  }

  /** Applies one check's observation; returns what the check found. */
  apply(id: string, seen: Observation): Promise<CheckResult & { changeSeq: string | null }> {
    return this.serially(async () => {
      const loaded = await this.load(id);
      if (!loaded) return { changed: false, version: null, error: 'no such article', changeSeq: null };
      const { state } = loaded;
      if (!state.record.active) return { changed: false, version: null, error: 'article is no longer tracked', changeSeq: null };
      const decision = decide(state.record, loaded.latestText, seen);
      if (decision.version) await putVersion(this.env.REDLINE, id, decision.version);
      if (decision.change) await putChange(this.env.REDLINE, decision.change);
      if (decision.record) {
        const next: WriterState = { ...state, record: decision.record };
        await this.place(next, new Date(seen.at));
        await this.save(next, decision.change ? [cardOf(decision.change)] : [], decision.version ? decision.version.text : this.textToStore(loaded));
      } else if (await this.place(state, new Date(seen.at))) {
        await this.save(state, [], this.textToStore(loaded));
      }
      // Delivery retries take seconds, and posts draw the diff card (100 ms or more of CPU): after the answer.
      if (decision.change) this.ctx.waitUntil(announceChange(this.env, decision.change));
      const capture = captureSettingsFrom(this.env);
      if (decision.version && capture) this.ctx.waitUntil(this.capture(id, decision.version.n, decision.version.url, capture));
      return { ...decision.result, changeSeq: decision.change?.seq ?? null };
    });
  }

  /** Import: takes a record and its latest text as they were exported. */
  restore(record: ArticleRecord, latestText: string | null): Promise<void> {
    return this.serially(async () => {
      // KV is being restored: whatever key this object remembers, write the due key again.
      const state: WriterState = { record, dueKey: undefined };
      await this.place(state, new Date());
      await this.save(state, [], latestText);
      await putSiteArticle(this.env.REDLINE, record);
    });
  }

  /**
   * What this object holds, as stored, without adopting or publishing anything: for the soak's
   * check that KV and the objects agree (served only with BENCH_METRICS, src/web/debug.ts).
   */
  inspect(): Promise<{ record: ArticleRecord; latestText: string | null; unpublished: boolean } | null> {
    return this.serially(async () => {
      const stored = await this.ctx.storage.get<WriterState>(STATE);
      if (!stored) return null;
      const latestText = stored.latestText !== undefined ? (stored.latestText ?? null) : await this.readText();
      return { record: stored.record, latestText, unpublished: Boolean(stored.unpublished?.length) };
    });
  }

  /** The text to write with a save: none when storage has it already (undefined keeps it). */
  private textToStore(loaded: Loaded): string | null | undefined {
    return loaded.textStored ? undefined : loaded.latestText;
  }
}

export function writerFor(env: Env, id: string): DurableObjectStub<ArticleWriter> {
  return env.ARTICLE_WRITER.get(env.ARTICLE_WRITER.idFromName(id));
}
