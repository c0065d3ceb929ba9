/**
 * What one check's observation means for an article: the pure heart of the pipeline.
 * Given the authoritative record, the latest version's text and what the fetch saw, it says
 * what to write (nothing, the record, or a new version with its change) and what to answer.
 *
 * The rules that keep an archive of record trustworthy:
 * - a failure never stores a version; the same failure again writes nothing;
 * - 404/410 on two checks in a row is one "removed" event; a page that comes back after that is
 *   "restored", with its diff against the last version;
 * - a text seen before that comes back is stored, labelled a revert to version N (whichever
 *   version N was); a page flapping between two copies on a stale CDN makes one revert: once the
 *   latest version is a revert, the text it replaced coming back again is ignored. So is an older
 *   text fetched before the latest version was (two checks racing): it is no return.
 */
import { diffVersions, keepOldRendering } from '../diff';
import { classifyChange } from '../diff/kind';
import {
  BYLINE_READING,
  comparisonForm,
  isUpdateLine,
  normalizeText,
  sameNamesAsReadBefore,
  TEXT_READING,
  VISIBLE_BYLINE_READING,
  type Article,
} from '../extract';
import { bylineForm } from '../extract/normalize';
import type { ArticleRecord, ChangeEvent, ChangeRecord, FailureSpell, LastCheck, SnapshotRef, VersionRecord, VersionSummary } from '../store';
import { eventSeq, versionSeq } from '../model/sequence';
import { countWords } from './anomaly';

export interface CheckResult {
  changed: boolean;
  version: number | null;
  error: string | null;
}

export interface PageSeen {
  ok: true;
  at: string;
  finalUrl: string;
  article: Article;
  hash: string;
  /** HTTP validators the page came with, kept with a new version for conditional requests. */
  etag?: string | null;
  lastModified?: string | null;
  /** The raw HTML as fetched; stripped (kept in R2 as `snapshot`) before the observation is committed. */
  raw?: { bytes: Uint8Array; contentType: string | null };
  /** Where the raw HTML of this page is kept (src/evidence), named by the version it makes. */
  snapshot?: SnapshotRef;
  /**
   * Version `n`'s own HTML read by today's rules, when older rules read its text (TEXT_READING):
   * what the page is compared with while `n` is the latest version.
   */
  latestReadToday?: { n: number; article: Article };
}

export interface FailureSeen {
  ok: false;
  at: string;
  kind: string;
  message: string;
  status: number | null;
  retryAt: string | null;
}

export type Observation = PageSeen | FailureSeen;

export interface Decision {
  /** The record to write, or null: nothing worth a write happened. */
  record: ArticleRecord | null;
  version: VersionRecord | null;
  change: ChangeRecord | null;
  result: CheckResult;
}

const GONE = new Set([404, 410]);
/** Failure spells an article record keeps for its history page. */
export const MAX_FAILURES_KEPT = 20;

const isGone = (status: number | null | undefined) => status != null && GONE.has(status);

/**
 * True when the observation changes nothing worth a write: the same text again, a flapping
 * copy that already had its feed item, or the same failure again. The Worker uses it on its
 * (possibly stale) KV copy of the record to skip the Durable Object on a routine check.
 */
export function changesNothing(record: ArticleRecord, seen: Observation): boolean {
  const last = record.lastCheck;
  if (seen.ok) {
    const latest = record.versions.at(-1);
    if (!latest || record.removedAt || last?.outcome === 'error') return false;
    return latest.hash === seen.hash || isIgnoredReturn(record, seen);
  }
  const sameFailure = last?.outcome === 'error' && last.error === seen.message && last.retryAt === seen.retryAt;
  const becomesRemoved = isGone(seen.status) && isGone(last?.status) && !record.removedAt && record.versions.length > 0;
  return sameFailure && !becomesRemoved;
}

/**
 * True when the page shows the text of a version before the latest and that is no revert: the
 * text the latest version (itself a revert) replaced is back within FLAP_WINDOW_MS of that revert,
 * two copies alternating (a stale CDN node) whose first return was stored already; or the page
 * was fetched no later than the latest version was (two checks racing, the older fetch committing
 * last). Any other text seen before that comes back is a revert, whichever version it was first
 * seen as; so is the replaced text after the window: an edit undone and then made again.
 */
function isIgnoredReturn(record: ArticleRecord, seen: PageSeen): boolean {
  const latest = record.versions.at(-1);
  if (!latest || latest.hash === seen.hash || !record.versions.some((v) => v.hash === seen.hash)) return false;
  if (seen.at <= latest.fetchedAt) return true;
  const flapping = Date.parse(seen.at) - Date.parse(latest.fetchedAt) < FLAP_WINDOW_MS;
  return flapping && latest.revertOf != null && record.versions.at(-2)?.hash === seen.hash;
}

/**
 * How long after a revert the text it replaced coming back is taken for a stale copy. Stale CDN
 * nodes serve an old copy for minutes to hours; an edit re-applied after this is stored (A, B,
 * back to A, B again kept showing A for good). Checking cannot tell the two apart sooner without a
 * write on every flap.
 */
const FLAP_WINDOW_MS = 6 * 3_600_000;

const nothing = (result: CheckResult): Decision => ({ record: null, version: null, change: null, result });

export function decide(record: ArticleRecord, latestText: string | null, seen: Observation): Decision {
  if (changesNothing(record, seen)) return nothing({ changed: false, version: null, error: seen.ok ? null : seen.message });
  return seen.ok ? decidePage(record, latestText ?? '', seen) : decideFailure(record, latestText ?? '', seen);
}

function decideFailure(record: ArticleRecord, latestText: string, seen: FailureSeen): Decision {
  const previous = record.lastCheck;
  const result = { changed: false, version: null, error: seen.message };
  const lastCheck = nextLastCheck(previous, 'error', seen);
  const latest = record.versions.at(-1);
  if (latest && !record.removedAt && isGone(seen.status) && previous?.outcome === 'error' && isGone(previous.status)) {
    const change = eventChange(record, 'removed', latest, seen.at, latestText);
    return { record: { ...record, lastCheck, removedAt: seen.at, failures: withFailure(record, seen) }, version: null, change, result };
  }
  return { record: { ...record, lastCheck, failures: withFailure(record, seen) }, version: null, change: null, result };
}

/** The failure log with this failure: a new spell, unless it continues the open one. */
function withFailure(record: ArticleRecord, seen: FailureSeen): FailureSpell[] {
  const failures = record.failures ?? [];
  const open = failures.at(-1);
  if (open && open.endedAt === null && open.error === seen.message) return failures;
  const closed = open && open.endedAt === null ? [...failures.slice(0, -1), { ...open, endedAt: seen.at }] : failures;
  return [...closed, { at: seen.at, kind: seen.kind, error: seen.message, status: seen.status, endedAt: null }].slice(-MAX_FAILURES_KEPT);
}

/** The failure log with its open spell ended by a successful check. */
function endFailure(record: ArticleRecord, at: string): FailureSpell[] | undefined {
  const open = record.failures?.at(-1);
  if (!open || open.endedAt !== null) return record.failures;
  return [...record.failures!.slice(0, -1), { ...open, endedAt: at }];
}

function decidePage(record: ArticleRecord, latestText: string, seen: PageSeen): Decision {
  let latest = record.versions.at(-1) ?? null;
  const previous = record.lastCheck;
  const unchanged = { changed: false, version: null, error: null };
  const { title, text } = seen.article;
  let earlier = record.versions.find((v) => v.hash === seen.hash) ?? null;
  const readToday = latest && seen.latestReadToday?.n === latest.n ? seen.latestReadToday.article : null;

  // The latest version's words under another hash: stored by an older normalizer or hash
  // (invisible characters, bylines, re-flow) or read by older rules (its HTML read today says the
  // same), so the same page must not make a phantom version. The latest version takes the new
  // hash, and the next check is recognised from KV alone.
  if (!earlier && latest && (sameWords(latest, latestText, seen.article) || (readToday && sameReading(readToday, seen.article)))) {
    const readBefore = latest.byline == null || (latest.bylineReading ?? 1) < BYLINE_READING;
    earlier = { ...latest, hash: seen.hash, ...(readBefore ? { byline: seen.article.byline, bylineReading: BYLINE_READING } : {}) };
    record = { ...record, versions: [...record.versions.slice(0, -1), earlier] };
    latest = earlier;
  }

  // Back to a known text after an error, or after the page was gone: no new version.
  if (earlier && (earlier === latest || (!record.removedAt && isIgnoredReturn(record, seen)))) {
    const recovered = {
      ...record,
      finalUrl: seen.finalUrl,
      removedAt: null,
      lastCheck: nextLastCheck(previous, 'unchanged', seen),
      failures: endFailure(record, seen.at),
    };
    const change = record.removedAt && latest ? eventChange(record, 'restored', latest, seen.at, latestText) : null;
    return { record: recovered, version: null, change, result: unchanged };
  }

  const n = (latest?.n ?? 0) + 1;
  // The old side as today's normalizer reads it, so characters an older one kept are no edit.
  // The old byline as today's rules read it, so a byline only read differently is no byline change.
  // Its text read again from its own HTML by today's rules, when older ones read it.
  const before = readToday
    ? versionText(readToday.title, readToday.text, readToday.byline)
    : versionText(normalizeText(latest?.title ?? ''), normalizeText(latestText), latest ? bylineReadToday(latest, seen.article) : null);
  // A word that differs only in a joiner or another rendering mark keeps its old rendering, so the
  // diff shows the edit alone (diff/rendering.ts).
  const diffed = latest ? keepOldRendering(diffVersions(before, versionText(title, text, seen.article.byline))) : null;
  const diff = diffed?.diff ?? null;
  const version: VersionRecord = {
    n,
    fetchedAt: seen.at,
    title,
    byline: seen.article.byline,
    text: diffed?.text ?? text,
    hash: seen.hash,
    url: seen.finalUrl,
    publishedAt: seen.article.publishedAt,
    canonicalUrl: seen.article.canonicalUrl,
    lang: seen.article.lang,
    ...(seen.snapshot ? { snapshot: seen.snapshot } : {}),
  };
  const revertOf = earlier?.n ?? null;
  const event: ChangeEvent = record.removedAt ? 'restored' : revertOf ? 'revert' : 'edit';
  const change: ChangeRecord | null =
    latest && diff
      ? {
          ...changeBase(record, seen.at),
          seq: versionSeq(n),
          title,
          from: latest.n,
          to: n,
          event,
          revertOf,
          hash: seen.hash,
          kinds: classifyChange(diff),
          stats: diff.stats,
          diff,
        }
      : null;
  return {
    record: {
      ...record,
      finalUrl: seen.finalUrl,
      title,
      removedAt: null,
      failures: endFailure(record, seen.at),
      ...bodyPathOf(seen),
      versions: [
        ...record.versions,
        {
          n,
          fetchedAt: seen.at,
          title,
          byline: seen.article.byline,
          bylineReading: BYLINE_READING,
          textReading: TEXT_READING,
          hash: seen.hash,
          words: countWords(text),
          revertOf,
          ...validatorsOf(seen),
        },
      ],
      lastCheck: nextLastCheck(previous, latest ? 'changed' : 'new', seen),
    },
    version,
    change,
    result: { changed: true, version: n, error: null },
  };
}

function validatorsOf(seen: PageSeen): Pick<VersionSummary, 'etag' | 'lastModified' | 'snapshot'> {
  return {
    ...(seen.etag ? { etag: seen.etag } : {}),
    ...(seen.lastModified ? { lastModified: seen.lastModified } : {}),
    ...(seen.snapshot ? { snapshot: seen.snapshot.sha256 } : {}),
  };
}

/** Where the new version's body sat, for the next check; a version read without one (a site rule, the recall read) clears it. */
function bodyPathOf(seen: PageSeen): Pick<ArticleRecord, 'bodyPath'> {
  return { bodyPath: seen.article.bodyPath ?? undefined };
}

function versionText(title: string, text: string, byline?: string | null) {
  return { title, text, byline };
}

/**
 * The latest version's byline as today's rules would have read it: the page's byline when older
 * rules could not tell it apart. A version stored before bylines were compared has no byline on its
 * summary: any byline matches it, and so does one stored with none (null) by rules that read only
 * the meta tag (BYLINE_READING 1): a "By …" line under the headline they did not read is no edit.
 * A byline read by rules that kept what shared the names' line ("By Anna Reyes · 3 hours ago"),
 * read one author link of several or a JSON-LD author (before 3) is the page's when it names the
 * same people or some of them (sameNamesAsReadBefore). A version read by today's rules with no
 * byline had none on the page: one appearing is an edit.
 */
function bylineReadToday(latest: VersionSummary, article: Article): string | null | undefined {
  const reading = latest.bylineReading ?? 1;
  if (latest.byline === undefined || (latest.byline === null && reading < VISIBLE_BYLINE_READING)) return article.byline;
  if (latest.byline !== null && reading < BYLINE_READING && sameNamesAsReadBefore(latest.byline, article.byline)) return article.byline;
  return latest.byline;
}

/**
 * True when the page says the same words as the latest version, compared in their comparison form,
 * its byline as today's rules read it (bylineReadToday). Bylines compare in bylineForm: a byline
 * read from the meta tag ("Jane Doe") and the same one read from the page ("By Jane Doe") are one.
 */
/** The same headline, byline and words as the latest version's own HTML read today. */
function sameReading(readToday: Article, article: Article): boolean {
  if (comparisonForm(readToday.title).replace(/ /g, '') !== comparisonForm(article.title).replace(/ /g, '')) return false;
  return bylineForm(readToday.byline) === bylineForm(article.byline) && comparisonForm(readToday.text) === comparisonForm(article.text);
}

function sameWords(latest: VersionSummary, latestText: string, article: Article): boolean {
  // Spaces apart: a headline set on two lines (`<br>`) was read without one before.
  if (comparisonForm(latest.title).replace(/ /g, '') !== comparisonForm(article.title).replace(/ /g, '')) return false;
  if (bylineForm(bylineReadToday(latest, article)) !== bylineForm(article.byline)) return false;
  const before = comparisonForm(latestText);
  return before === comparisonForm(article.text) || before === comparisonForm(withoutNewUpdateLine(latestText, article.text));
}

/**
 * The text without an "Updated …" line opening or closing it that the latest text does not hold:
 * the extractor reads an update line standing beside the body since 2026-11, so a page already
 * watched shows the same line under the same story, which is no edit. The next change to the line
 * or the story is shown against the text stored.
 */
function withoutNewUpdateLine(latestText: string, text: string): string {
  const paragraphs = text.split('\n\n');
  const isNew = (line: string | undefined) => line !== undefined && isUpdateLine(line) && !latestText.includes(line);
  if (isNew(paragraphs[0])) paragraphs.shift();
  else if (isNew(paragraphs.at(-1))) paragraphs.pop();
  return paragraphs.join('\n\n');
}

function changeBase(record: ArticleRecord, at: string) {
  return { id: record.id, url: record.url, site: record.site, at };
}

/** A removal or a return with the same text: no new version, a diff of the latest with itself. */
function eventChange(record: ArticleRecord, event: 'removed' | 'restored', latest: VersionSummary, at: string, text: string): ChangeRecord {
  const same = versionText(latest.title, text);
  const diff = diffVersions(same, same);
  return {
    ...changeBase(record, at),
    seq: eventSeq(latest.n, event, Date.parse(at)),
    title: latest.title,
    from: latest.n,
    to: latest.n,
    event,
    revertOf: null,
    hash: latest.hash,
    kinds: [],
    stats: diff.stats,
    diff,
  };
}

function nextLastCheck(previous: LastCheck | null, outcome: LastCheck['outcome'], seen: Observation): LastCheck {
  const error = seen.ok ? null : seen.message;
  const same = previous && previous.outcome === outcome && previous.error === error;
  return {
    outcome,
    error,
    errorKind: seen.ok ? null : seen.kind,
    status: seen.ok ? null : seen.status,
    retryAt: seen.ok ? null : seen.retryAt,
    since: same ? previous.since : seen.at,
    at: seen.at,
  };
}
