/**
 * One check of one article, the single pipeline the API, the cron and the CLI share:
 * fetch -> extract -> normalize -> hash -> compare with the latest version -> store only on change.
 *
 * KV writes happen only when something changed: a new version, or a check outcome different
 * from the last one recorded. An unchanged check after an unchanged check writes nothing, and
 * the same failure repeated writes once.
 */
import { diffVersions } from '../diff';
import type { Settings } from '../env';
import { extractArticle, type Article } from '../extract';
import { getArticle, getVersion, putArticle, putChange, putVersion } from '../store';
import type { ArticleRecord, CheckOutcome, LastCheck, VersionRecord } from '../store';
import { countWords, detectAnomaly } from './anomaly';
import { fetchPage } from './fetch-page';
import { versionHash } from './hash';

export interface CheckResult {
  changed: boolean;
  version: number | null;
  error: string | null;
}

export class ArticleNotFound extends Error {}

export async function checkArticle(
  kv: KVNamespace,
  settings: Settings,
  id: string,
  now = new Date(),
  fetcher: typeof fetch = fetch,
): Promise<CheckResult> {
  const article = await getArticle(kv, id);
  if (!article) throw new ArticleNotFound(`no article ${id}`);
  if (!article.active) return { changed: false, version: null, error: 'article is no longer tracked' };
  const at = now.toISOString();

  const page = await fetchPage(article.url, settings, fetcher);
  if (!page.ok) return recordFailure(kv, article, page.kind, page.message, at);

  let extracted: Article;
  try {
    extracted = extractArticle(page.html, page.finalUrl);
  } catch (error) {
    return recordFailure(kv, article, 'anomaly', `extraction failed: ${String(error)}`, at);
  }
  const latest = article.versions.at(-1) ?? null;
  const anomaly = detectAnomaly(extracted.text, latest?.words ?? null, settings);
  if (anomaly) return recordFailure(kv, article, 'anomaly', anomaly, at);

  const hash = await versionHash(extracted.title, extracted.text);
  if (latest && latest.hash === hash) {
    // A recovery from an error is worth one write; an unchanged check after another is not.
    if (article.lastCheck?.outcome === 'error') {
      await putArticle(kv, { ...article, finalUrl: page.finalUrl, lastCheck: nextLastCheck(article.lastCheck, 'unchanged', null, null, at) });
    }
    return { changed: false, version: null, error: null };
  }

  const n = (latest?.n ?? 0) + 1;
  const version: VersionRecord = {
    n,
    fetchedAt: at,
    title: extracted.title,
    byline: extracted.byline,
    text: extracted.text,
    hash,
    url: page.finalUrl,
    publishedAt: extracted.publishedAt,
    canonicalUrl: extracted.canonicalUrl,
    lang: extracted.lang,
  };
  await putVersion(kv, id, version);
  if (latest) {
    const previous = await getVersion(kv, id, latest.n);
    const diff = diffVersions(previous ?? { title: latest.title, text: '' }, version);
    await putChange(kv, { id, seq: String(n).padStart(6, '0'), url: article.url, title: version.title, from: latest.n, to: n, at, event: 'edit', revertOf: null, kinds: [], site: article.site, hash, stats: diff.stats, diff });
  }
  // The article record is written last: it is what makes the new version visible.
  await putArticle(kv, {
    ...article,
    finalUrl: page.finalUrl,
    title: version.title,
    versions: [...article.versions, { n, fetchedAt: at, title: version.title, hash, words: countWords(version.text) }],
    lastCheck: nextLastCheck(article.lastCheck, latest ? 'changed' : 'new', null, null, at),
  });
  return { changed: true, version: n, error: null };
}

async function recordFailure(kv: KVNamespace, article: ArticleRecord, kind: string, message: string, at: string): Promise<CheckResult> {
  const previous = article.lastCheck;
  if (previous?.outcome !== 'error' || previous.error !== message) {
    await putArticle(kv, { ...article, lastCheck: nextLastCheck(previous, 'error', message, kind, at) });
  }
  return { changed: false, version: null, error: message };
}

function nextLastCheck(previous: LastCheck | null, outcome: CheckOutcome, error: string | null, errorKind: string | null, at: string): LastCheck {
  const same = previous && previous.outcome === outcome && previous.error === error;
  return { outcome, error, errorKind, since: same ? previous.since : at, at };
}
