/**
 * The Durable Object that serialises every write to one article. KV has no transactions and is
 * eventually consistent, so two checks of one article (cron overlap, a manual check during the
 * cron, a queue redelivery) could both read version 3 and both write version 4. One object per
 * article, holding the authoritative record in its own strongly consistent storage and running
 * one write at a time, makes version numbers contiguous and unique; KV is its published mirror,
 * which the API, pages and feeds read.
 *
 * Writes go: the new version and its change to KV (append-only keys nobody lists yet), then the
 * record to this object's storage (the commit), then the record to KV (publication). A crash
 * before the commit leaves only an unreferenced version key that the retry overwrites.
 */
import { DurableObject } from 'cloudflare:workers';
import { settingsFrom, type Env } from '../env';
import { allDueKeys, placementOf } from '../schedule/tiers';
import { deleteDue, getArticle, getVersion, putArticle, putChange, putDue, putSiteArticle, putVersion, type ArticleRecord } from '../store';
import { notifyWebhooks } from '../webhooks';
import { decide, type CheckResult, type Observation } from './decide';

interface WriterState {
  record: ArticleRecord;
  /** The latest version's text, kept here so a diff never reads a stale KV copy. */
  latestText: string | null;
  /** The article's key in the due index (src/schedule); undefined for state written before it. */
  dueKey?: string | null;
}

const STATE = 'state';

export class ArticleWriter extends DurableObject<Env> {
  /** KV puts are not storage operations, so input gates alone would let two writes interleave. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    return this.ctx.blockConcurrencyWhile(work);
  }

  private async load(id: string): Promise<WriterState | null> {
    const stored = await this.ctx.storage.get<WriterState>(STATE);
    if (stored) return stored;
    // An article this object has not seen (written before it existed, or imported): adopt KV's copy.
    const record = await getArticle(this.env.REDLINE, id);
    if (!record) return null;
    const latest = record.versions.at(-1);
    const latestText = latest ? ((await getVersion(this.env.REDLINE, id, latest.n))?.text ?? null) : null;
    return { record, latestText };
  }

  private async save(state: WriterState): Promise<void> {
    await this.ctx.storage.put(STATE, state);
    await putArticle(this.env.REDLINE, state.record);
  }

  /**
   * Moves the article's due-index key to where its tier says, when it is not there already: on
   * tracking, on a new version (back to the first tier), on untracking, and when a check sees
   * that it aged into the next tier. Returns whether `state` changed (the caller saves it).
   */
  private async place(state: WriterState, at: Date): Promise<boolean> {
    const wanted = placementOf(state.record, settingsFrom(this.env).schedule, at)?.key ?? null;
    if (state.dueKey !== undefined && state.dueKey === wanted) return false;
    if (wanted) await putDue(this.env.REDLINE, wanted, state.record.site);
    if (state.dueKey && state.dueKey !== wanted) await deleteDue(this.env.REDLINE, state.dueKey);
    // State adopted from KV (imported, or written before the schedule): the key is unknown, so
    // clear every tier's key for this id once, lest the article stay listed in two tiers.
    if (state.dueKey === undefined) for (const key of allDueKeys(state.record.id, settingsFrom(this.env).schedule)) if (key !== wanted) await deleteDue(this.env.REDLINE, key);
    state.dueKey = wanted;
    return true;
  }

  /** A check noticed the article aged out of the tier it was listed under. */
  reschedule(id: string, at: string): Promise<boolean> {
    return this.serially(async () => {
      const state = await this.load(id);
      if (!state || !(await this.place(state, new Date(at)))) return false;
      await this.ctx.storage.put(STATE, state);
      return true;
    });
  }

  /** Starts tracking (or tracks again); answers the record and whether it is new. */
  track(fresh: ArticleRecord): Promise<{ article: ArticleRecord; created: boolean }> {
    return this.serially(async () => {
      const state = await this.load(fresh.id);
      if (state?.record.active) return { article: state.record, created: false };
      const record = state ? { ...state.record, active: true, deletedAt: null } : fresh;
      const next: WriterState = { record, latestText: state?.latestText ?? null, dueKey: state?.dueKey };
      await this.place(next, new Date());
      await this.save(next);
      if (!state) await putSiteArticle(this.env.REDLINE, record);
      return { article: record, created: !state };
    });
  }

  untrack(id: string, at: string): Promise<ArticleRecord | null> {
    return this.serially(async () => {
      const state = await this.load(id);
      if (!state) return null;
      if (!state.record.active) return state.record;
      const record = { ...state.record, active: false, deletedAt: at };
      const next = { ...state, record };
      await this.place(next, new Date(at));
      await this.save(next);
      return record;
    });
  }

  /** Applies one check's observation; returns what the check found. */
  apply(id: string, seen: Observation): Promise<CheckResult & { changeSeq: string | null }> {
    return this.serially(async () => {
      const state = await this.load(id);
      if (!state) return { changed: false, version: null, error: 'no such article', changeSeq: null };
      if (!state.record.active) return { changed: false, version: null, error: 'article is no longer tracked', changeSeq: null };
      const decision = decide(state.record, state.latestText, seen);
      if (decision.version) await putVersion(this.env.REDLINE, id, decision.version);
      if (decision.change) {
        await putChange(this.env.REDLINE, decision.change);
        // Delivery retries take seconds: after the answer, not before it.
        this.ctx.waitUntil(notifyWebhooks(this.env, decision.change));
      }
      if (decision.record) {
        const next: WriterState = { record: decision.record, latestText: decision.version?.text ?? state.latestText, dueKey: state.dueKey };
        await this.place(next, new Date(seen.at));
        await this.save(next);
      } else if (await this.place(state, new Date(seen.at))) {
        await this.ctx.storage.put(STATE, state);
      }
      return { ...decision.result, changeSeq: decision.change?.seq ?? null };
    });
  }

  /** Import: takes a record and its latest text as they were exported. */
  restore(record: ArticleRecord, latestText: string | null): Promise<void> {
    return this.serially(async () => {
      // KV is being restored: whatever key this object remembers, write the due key again.
      const state: WriterState = { record, latestText, dueKey: undefined };
      await this.place(state, new Date());
      await this.save(state);
      await putSiteArticle(this.env.REDLINE, record);
    });
  }
}

export function writerFor(env: Env, id: string): DurableObjectStub<ArticleWriter> {
  return env.ARTICLE_WRITER.get(env.ARTICLE_WRITER.idFromName(id));
}
