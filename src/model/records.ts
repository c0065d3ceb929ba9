/** What Redline keeps in KV. Types only; src/store/keys.ts says where each lives. */
import type { Diff, DiffStats } from './diff';

/** One stored version's summary, as listed on the article record. */
export interface VersionSummary {
  n: number;
  fetchedAt: string;
  title: string;
  /** The byline; absent on versions stored before bylines were part of the record. */
  byline?: string | null;
  /** The generation of byline rules that read it (src/extract/article.ts BYLINE_READING); absent: 1. */
  bylineReading?: number;
  /** The generation of the rules that read its text (src/extract/article.ts TEXT_READING); absent: 1. */
  textReading?: number;
  hash: string;
  /** Body words, so a check can spot a sharply shorter text without reading the version. */
  words: number;
  /** Set when this version's text had been seen before, as version `revertOf`. */
  revertOf: number | null;
  /** HTTP validators of the fetch that found this version, for conditional requests (absent: none). */
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the raw HTML kept in R2 for this version (absent: none kept). */
  snapshot?: string;
  /** The Internet Archive capture asked for when this version was stored (SAVE_PAGE_NOW). */
  archive?: ArchiveCapture;
}

/** Where a version's raw HTML is kept: R2, gzipped, under its SHA-256 (src/evidence/snapshots.ts). */
export interface SnapshotRef {
  /** SHA-256 of the raw bytes as the server sent them (hex). */
  sha256: string;
  /** Size of the raw bytes. */
  bytes: number;
  /** Size stored in R2, gzipped. */
  storedBytes: number;
  /** The Content-Type the server sent, e.g. "text/html; charset=windows-1252". */
  contentType: string | null;
}

/** A Save Page Now capture of a version's URL: requested, then found or failed. */
export interface ArchiveCapture {
  status: 'pending' | 'success' | 'error';
  requestedAt: string;
  /** The capture in the Wayback Machine, once it succeeded. */
  url: string | null;
  jobId: string | null;
  error: string | null;
}

export type CheckOutcome = 'new' | 'changed' | 'unchanged' | 'error';

/**
 * The last change of state of the checks, not the last check: a check that reads the latest
 * version's text again (after `new`, `changed` or `unchanged`) or fails as the one before did
 * writes nothing, so `since` is when this outcome began and `at` when it was last written.
 */
export interface LastCheck {
  outcome: CheckOutcome;
  error: string | null;
  /** Error class, e.g. "timeout", "http", "not-html", "too-large", "network", "anomaly". */
  errorKind: string | null;
  /** HTTP status of a failed fetch. */
  status: number | null;
  /** Do not fetch again before this time (the site answered 429 or 503 with Retry-After). */
  retryAt: string | null;
  since: string;
  at: string;
}

export interface ArticleRecord {
  id: string;
  url: string;
  /** Where the last successful fetch ended up after redirects. */
  finalUrl: string | null;
  createdAt: string;
  /** False once deleted: no longer checked, history still readable. */
  active: boolean;
  deletedAt: string | null;
  title: string | null;
  site: string;
  versions: VersionSummary[];
  lastCheck: LastCheck | null;
  /** Set while the page answers 404/410 (from the second such check on); cleared when it returns. */
  removedAt: string | null;
  /** The latest spells of failed checks, newest last (a few dozen at most), for the history page. */
  failures?: FailureSpell[];
  /**
   * Where the latest version's body sat in its page (src/extract/body-path.ts): the next check
   * keeps that block while it holds the story. Absent before a version was stored with one.
   */
  bodyPath?: string;
}

/** A run of failed checks: written with the error's first sighting and its end, never per check. */
export interface FailureSpell {
  at: string;
  kind: string;
  error: string;
  status: number | null;
  /** When a check succeeded again; null while it lasts. */
  endedAt: string | null;
}

export interface VersionRecord {
  n: number;
  fetchedAt: string;
  title: string;
  byline: string | null;
  text: string;
  hash: string;
  url: string;
  publishedAt: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  /** Where the raw HTML of this version is kept (src/evidence); absent when none was kept. */
  snapshot?: SnapshotRef;
}

/** Kinds of change, for filters and feed titles, written once (src/diff/kind.ts says when each applies). */
export const CHANGE_KINDS = ['spelling', 'correction', 'headline', 'byline', 'addition', 'removal', 'rewrite', 'minor'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * What a change records: an `edit` (a new text), a `revert` (a text seen before came back as
 * version `to`; `revertOf` names the earlier version), `removed` (the page answered 404/410 on
 * two checks in a row; no new version, from = to) or `restored` (it came back; a new version
 * when its text differs, else from = to).
 */
export type ChangeEvent = 'edit' | 'revert' | 'removed' | 'restored';

/** One change: version `to` replaced version `from`; the diff is computed once, when seen. */
export interface ChangeRecord {
  id: string;
  /** Unique per change of this article, used in keys, guids and permalinks: "000002" or "000002-removed-<ms>". */
  seq: string;
  url: string;
  title: string;
  from: number;
  to: number;
  at: string;
  event: ChangeEvent;
  revertOf: number | null;
  /** Most telling first; empty for removed/restored events without a text change. */
  kinds: ChangeKind[];
  site: string;
  /** Hash of version `to`: part of the feed guid, so a rewritten change never reuses one. */
  hash: string;
  stats: DiffStats;
  diff: Diff;
}

/** The part of a change that lists show; kept as KV list metadata so a list needs no gets. */
export type ChangeSummary = Omit<ChangeRecord, 'diff'>;

/** The metadata of an article key, so that listing articles needs no gets. */
export interface ArticleListing {
  url: string;
  site: string;
  title: string | null;
  active: boolean;
  versions: number;
  /** Copied from lastCheck so a tick can skip a site that asked to wait, without a get. */
  retryAt: string | null;
}
