/**
 * One check of one article, the single pipeline the API, the cron and the queue share:
 * fetch -> extract -> normalize -> anomalies -> hash, then decide against the latest version.
 *
 * The CPU-heavy part (parse, extract, hash) runs here in the Worker. A routine outcome (the same
 * text again, the same failure again) is recognised on the KV copy of the record and costs one
 * KV read and no write. Anything else goes to the article's Durable Object, which decides again
 * on the authoritative record and writes one change at a time.
 */
import type { Env, Settings } from '../settings';
import { getSnapshotPage, putSnapshot } from '../evidence/snapshots';
import { extractArticle, TEXT_READING, type Article } from '../extract';
import { decodeHtml } from '../extract/charset';
import { usableLastModified } from '../net';
import { getArticle, getVersion, type ArticleRecord } from '../store';
import { detectAnomaly, isLastingShrink, isTheStoryCut } from './anomaly';
import { writerFor } from './article-writer';
import { changesNothing, type CheckResult, type Observation } from './decide';
import { fetchPage, type Validators } from './fetch-page';
import { versionHash } from './hash';

export type { CheckResult } from './decide';

export class ArticleNotFound extends Error {}

export async function checkArticle(env: Env, settings: Settings, id: string, now = new Date(), fetcher: typeof fetch = fetch): Promise<CheckResult> {
  const article = await getArticle(env.REDLINE, id);
  if (!article) throw new ArticleNotFound(`no article ${id}`);
  if (!article.active) return { changed: false, version: null, error: 'article is no longer tracked' };
  return commit(env, article, await observe(article, settings, now, fetcher, latestVersionReader(env, article)));
}

/** What a check whose first reading of the page differs from the latest version reads of that version, when asked. */
export interface LatestVersionReader {
  /** Its text (one KV read). */
  text(): Promise<string | null>;
  /** Its own HTML as kept in R2, with the Content-Type it came with (one R2 read); null when none is kept. */
  page(): Promise<{ raw: Uint8Array; contentType: string | null } | null>;
}

/** Reads of the latest version; a failed read is logged and answers null, leaving the first reading as it is. */
export function latestVersionReader(env: Env, article: ArticleRecord): LatestVersionReader {
  const latest = article.versions.at(-1);
  const logged = async <T>(what: string, read: () => Promise<T | null>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      console.error(`reading ${what} of version ${latest?.n} of ${article.url} failed`, error);
      return null;
    }
  };
  return {
    text: () => logged('the text', async () => (latest ? ((await getVersion(env.REDLINE, article.id, latest.n))?.text ?? null) : null)),
    page: () => logged('the HTML', async () => (latest?.snapshot && env.SNAPSHOTS ? getSnapshotPage(env.SNAPSHOTS, latest.snapshot) : null)),
  };
}

/** Stores what a check saw: nothing for a routine outcome, else through the article's Durable Object. */
export async function commit(env: Env, article: ArticleRecord, seen: Observation): Promise<CheckResult> {
  if (changesNothing(article, seen)) return { changed: false, version: null, error: seen.ok ? null : seen.message };
  const { changeSeq: _seq, ...result } = await writerFor(env, article.id).apply(article.id, await keepSnapshot(env, article, seen));
  return result;
}

/**
 * Puts a page's raw HTML in R2 (when SNAPSHOTS is bound) and names it on the observation, so the
 * version it makes records its snapshot; the bytes themselves never travel to the Durable Object.
 * Keeping evidence must never cost a version: a failure is logged and the version names none.
 */
async function keepSnapshot(env: Env, article: ArticleRecord, seen: Observation): Promise<Observation> {
  if (!seen.ok || !seen.raw) return seen;
  const { raw, ...page } = seen;
  if (!env.SNAPSHOTS || article.versions.at(-1)?.hash === seen.hash) return page;
  try {
    return { ...page, snapshot: await putSnapshot(env.SNAPSHOTS, raw.bytes, raw.contentType) };
  } catch (error) {
    console.error(`keeping the HTML of ${article.url} failed`, error);
    return page;
  }
}

/**
 * The validators to send: only when the latest version has them and a page with the latest
 * version's text would change nothing (no error or removal to clear), so a 304 can stand for it.
 * A Last-Modified less than 60 s older than the version's fetch is too weak to ask with (a page
 * edited within that second keeps it: src/net/last-modified.ts); an ETag is always sent.
 */
export function validatorsFor(article: ArticleRecord): Validators | null {
  const latest = article.versions.at(-1);
  if (!latest || article.removedAt || article.lastCheck?.outcome === 'error') return null;
  const lastModified = usableLastModified(latest.lastModified, latest.fetchedAt) ? latest.lastModified! : null;
  if (!latest.etag && !lastModified) return null;
  return { url: article.finalUrl ?? article.url, etag: latest.etag ?? null, lastModified };
}

/**
 * Fetches and reads the page; never throws for anything the page does. `latestVersion` reads the
 * latest version: when the page reads differently from it, it is read again knowing that version's
 * text, so blocks the version held stay in while they are unchanged (extract/held.ts) and only what
 * was edited shows as a change. When older rules read that version (TEXT_READING), its text is its
 * own HTML read by today's rules, and that reading goes with the observation: what the page is
 * compared with, so a change of rules is no edit.
 */
export async function observe(
  article: ArticleRecord,
  settings: Settings,
  now: Date,
  fetcher: typeof fetch = fetch,
  latestVersion?: LatestVersionReader,
): Promise<Observation> {
  const at = now.toISOString();
  const failure = (kind: string, message: string, status: number | null = null, retryAt: string | null = null): Observation => ({
    ok: false,
    at,
    kind,
    message,
    status,
    retryAt,
  });

  const page = await fetchPage(article.url, settings, fetcher, validatorsFor(article));
  if (!page.ok) {
    const retryAt = page.retryAfterSeconds != null ? new Date(now.getTime() + page.retryAfterSeconds * 1000).toISOString() : null;
    return failure(page.kind, page.message, page.status ?? null, retryAt);
  }
  const latest = article.versions.at(-1);
  if (page.notModified && latest) {
    // 304 to the latest version's validators: that version, without reading or parsing a byte.
    const same = { title: latest.title, byline: null, text: '', publishedAt: null, canonicalUrl: null, lang: null };
    return { ok: true, at, finalUrl: page.finalUrl, article: same, hash: latest.hash };
  }
  let extracted: Article;
  let hash: string;
  let latestReadToday: Article | null = null;
  try {
    // Where the latest version's body sat: a paragraph gone must not make scoring pick another block.
    extracted = extractArticle(page.html, page.finalUrl, { previousBodyPath: article.bodyPath });
    hash = await versionHash(extracted.title, extracted.text, extracted.byline);
    if (latest && hash !== latest.hash && latestVersion) {
      latestReadToday = (latest.textReading ?? 1) < TEXT_READING ? await readAgain(latestVersion, article) : null;
      const previousText = latestReadToday?.text ?? (await latestVersion.text());
      if (previousText) {
        extracted = extractArticle(page.html, page.finalUrl, { previousBodyPath: article.bodyPath, previousText });
        hash = await versionHash(extracted.title, extracted.text, extracted.byline);
      }
    }
  } catch (error) {
    return failure('anomaly', `extraction anomaly: the extractor failed (${error instanceof Error ? error.message : String(error)})`);
  }
  const anomaly = detectAnomaly(extracted.text, article.versions.at(-1)?.words ?? null, settings);
  const cut = anomaly && latest && isLastingShrink(anomaly, article.lastCheck, now, settings) && isTheStoryCut(latest.title, extracted.title, page.html);
  if (anomaly && !cut) return failure('anomaly', anomaly);
  const raw = page.raw ? { bytes: page.raw, contentType: page.contentType ?? null } : undefined;
  const readToday = latest && latestReadToday ? { latestReadToday: { n: latest.n, article: latestReadToday } } : {};
  return {
    ok: true,
    at,
    finalUrl: page.finalUrl,
    article: extracted,
    hash,
    etag: page.etag ?? null,
    lastModified: page.lastModified ?? null,
    raw,
    ...readToday,
  };
}

/** The latest version's own HTML read by today's rules, or null when none is kept. */
async function readAgain(latestVersion: LatestVersionReader, article: ArticleRecord): Promise<Article | null> {
  const kept = await latestVersion.page();
  if (!kept) return null;
  const read = extractArticle(decodeHtml(kept.raw, kept.contentType), article.finalUrl ?? article.url, { previousBodyPath: article.bodyPath });
  return read.text ? read : null;
}
