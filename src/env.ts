/**
 * The Worker's bindings and settings, typed once. Every setting a user may change lives here
 * with its default; `settingsFrom(env)` turns the raw strings into numbers and booleans.
 */
import type { ArticleWriter } from './check/article-writer';

export interface Env {
  /** Everything Redline keeps: articles, versions, changes, the schedule. See src/store/keys.ts. */
  REDLINE: KVNamespace;
  /** One Durable Object per article serialises its writes (src/check/article-writer.ts). */
  ARTICLE_WRITER: DurableObjectNamespace<ArticleWriter>;
  /** Bearer token for mutating API calls. Unset: mutations answer 503. */
  ADMIN_TOKEN?: string;
  /** "true" lets the Worker fetch loopback and private-range addresses (dev, tests, the demo). */
  ALLOW_PRIVATE_URLS?: string;
  /** Minutes between two checks of one article (default 15, one cron tick). */
  CHECK_INTERVAL_MINUTES?: string;
  /** Most checks one cron tick runs inline (default 40; the free plan allows 50 subrequests). */
  CHECKS_PER_TICK?: string;
  /** Fetch timeout in milliseconds (default 15000). */
  FETCH_TIMEOUT_MS?: string;
  /** Largest page body accepted, in bytes (default 5 MB). */
  MAX_PAGE_BYTES?: string;
  /** User-Agent sent with every fetch (default names Redline and CONTACT_URL). */
  USER_AGENT?: string;
  /** Where a site owner can reach whoever runs this Redline; goes into the User-Agent. */
  CONTACT_URL?: string;
  /** Fewer words than this is an extraction anomaly, not a version (default 25). */
  MIN_ARTICLE_WORDS?: string;
  /** A text that lost more than this share of its words at once is an anomaly (default 0.6). */
  MAX_SHRINK_RATIO?: string;
}

export interface Settings {
  adminToken: string | null;
  allowPrivateUrls: boolean;
  checkIntervalMinutes: number;
  checksPerTick: number;
  fetchTimeoutMs: number;
  maxPageBytes: number;
  userAgent: string;
  minArticleWords: number;
  maxShrinkRatio: number;
}

export const DEFAULT_CONTACT_URL = 'https://github.com/redline-news/redline';

function positiveNumber(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function settingsFrom(env: Env): Settings {
  return {
    adminToken: env.ADMIN_TOKEN ? env.ADMIN_TOKEN : null,
    allowPrivateUrls: env.ALLOW_PRIVATE_URLS === 'true',
    checkIntervalMinutes: positiveNumber(env.CHECK_INTERVAL_MINUTES, 15),
    checksPerTick: Math.floor(positiveNumber(env.CHECKS_PER_TICK, 40)),
    fetchTimeoutMs: positiveNumber(env.FETCH_TIMEOUT_MS, 15_000),
    maxPageBytes: positiveNumber(env.MAX_PAGE_BYTES, 5 * 1024 * 1024),
    userAgent: env.USER_AGENT || `Redline/0.1 (news edit monitor; +${env.CONTACT_URL || DEFAULT_CONTACT_URL})`,
    minArticleWords: Math.floor(positiveNumber(env.MIN_ARTICLE_WORDS, 25)),
    maxShrinkRatio: Math.min(1, positiveNumber(env.MAX_SHRINK_RATIO, 0.6)),
  };
}
