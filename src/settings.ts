/**
 * The Worker's settings: every var and secret a user may set, with its default, and
 * `settingsFrom(env)` that turns their raw strings into numbers and booleans.
 *
 * The bindings (KV, Durable Objects, queues, R2) are typed by `wrangler types` from
 * wrangler.toml into worker-configuration.d.ts (`npm run types`; CI checks it is current), so
 * this layer imports no binding's class.
 */

/**
 * Most checks (or source reads) one invocation runs at once: a Worker invocation may hold six
 * outgoing connections open at a time; more would only queue inside the runtime.
 */
export const OPEN_CONNECTIONS = 6;

/**
 * Subrequests one invocation may make on Workers Free: fetches, KV calls and Durable Object calls
 * alike (the stricter reading of the Workers limits page; a newer one allows 1,000 to Cloudflare's
 * own services). Each call to a Durable Object is an invocation with an allowance of its own.
 */
export const SUBREQUESTS_PER_INVOCATION = 50;

/** Vars and secrets: all optional strings, set in wrangler.toml [vars], with --var or as secrets. */
export interface SettingVars {
  /** Bearer token for mutating API calls. Unset: mutations answer 503. */
  ADMIN_TOKEN?: string;
  /** "true" lets the Worker fetch loopback and private-range addresses (dev, tests, the demo). */
  ALLOW_PRIVATE_URLS?: string;
  /** Origins ("http://10.0.0.7:8080", separated by spaces or commas) fetched even when ALLOW_PRIVATE_URLS is off. */
  ALLOW_PRIVATE_ORIGINS?: string;
  /** Minutes between two checks of one article (default 15, one cron tick). */
  CHECK_INTERVAL_MINUTES?: string;
  /** Most checks one cron tick runs without a queue (default 400: 10 dispatcher invocations of 40, docs/platform.md). */
  CHECKS_PER_TICK?: string;
  /** Fetch timeout in milliseconds (default 15000). */
  FETCH_TIMEOUT_MS?: string;
  /** Largest page body accepted, in bytes (default 5 MB). */
  MAX_PAGE_BYTES?: string;
  /** User-Agent sent with every fetch (default names Redline and CONTACT_URL). */
  USER_AGENT?: string;
  /** Where a site owner can reach whoever runs this Redline; goes into the User-Agent. */
  CONTACT_URL?: string;
  /** Webhook URLs that receive one JSON message per change, separated by spaces, commas or new lines. */
  WEBHOOK_URLS?: string;
  /** Redline's own public origin (https://redline.example.com), for links in messages sent from the cron. */
  PUBLIC_URL?: string;
  // --- Posting (docs/cards-posting.md): off until an account is configured ---
  /** Mastodon instance origin (https://mastodon.example); with MASTODON_TOKEN, each change is posted there. */
  MASTODON_URL?: string;
  /** Access token of the Mastodon account (scopes write:media write:statuses): a secret. */
  MASTODON_TOKEN?: string;
  /** Bluesky handle; with BLUESKY_APP_PASSWORD, each change is posted there. */
  BLUESKY_HANDLE?: string;
  /** An app password of that account (Settings, App passwords): a secret. */
  BLUESKY_APP_PASSWORD?: string;
  /** The account's PDS (default https://bsky.social). */
  BLUESKY_SERVICE?: string;
  /** Kinds of change to post, comma-separated ("correction,headline"); default every kind but minor. */
  POST_KINDS?: string;
  /** Fewer words than this is an extraction anomaly, not a version (default 25). */
  MIN_ARTICLE_WORDS?: string;
  /** A text that lost more than this share of its words at once is an anomaly (default 0.6). */
  MAX_SHRINK_RATIO?: string;
  /** Minutes the same shrunk text must last before it is stored as a version after all (default 60). */
  SHRINK_CONFIRM_MINUTES?: string;

  // --- Scale: the adaptive schedule, the check fan-out and discovery (docs/scale.md) ---
  /** Check intervals by age, "15m<3h,1h<1d,3h<7d,1d<30d": every 15 min until 3 h old, ... then stop. */
  SCHEDULE?: string;
  /** "auto" (queue when CHECKS is bound), "queue" or "inline". */
  FANOUT?: string;
  /** Most checks one tick sends to the queue (default 10000); the rest carry over. */
  QUEUED_CHECKS_PER_TICK?: string;
  /** Most requests to one host per tick, checks and feeds together (default 60). */
  MAX_PER_HOST_PER_TICK?: string;
  /** Most checks of one host running at once in a queue batch (default 2). */
  HOST_CONCURRENCY?: string;
  /** Attempts of a queued check before it goes to the dead-letter queue (default 4). */
  QUEUE_MAX_ATTEMPTS?: string;
  /** First retry delay of a queued check, doubled on each attempt (default 30 s). */
  QUEUE_RETRY_SECONDS?: string;
  /** Minutes between two reads of one registered feed or sitemap (default 15). */
  SOURCE_INTERVAL_MINUTES?: string;
  /** Most new articles one source read starts tracking (default 100). */
  NEW_ARTICLES_PER_SOURCE_READ?: string;
  // --- Evidence (docs/evidence-admin.md) ---
  /** "true" asks the Internet Archive's Save Page Now to capture each new version's URL (off by default). */
  SAVE_PAGE_NOW?: string;
  /** Save Page Now credentials, "accesskey:secret" (archive.org S3 keys): sent as `authorization: LOW ...`. A secret. */
  SAVE_PAGE_NOW_AUTH?: string;
  /** Save Page Now's origin (default https://web.archive.org); tests point it at a local fake. */
  SAVE_PAGE_NOW_ORIGIN?: string;
  /** Seconds between two polls of a capture's status (default 10; at most 6 polls). */
  SAVE_PAGE_NOW_POLL_SECONDS?: string;
  /** "true" counts KV, fetch and queue operations and answers them at /__metrics (the benchmark). */
  BENCH_METRICS?: string;
}

/** Bindings a deploy may leave out: without them the cron checks inline and no raw HTML is kept. */
type OptionalBinding = 'CHECKS' | 'CHECKS_DLQ' | 'CHECK_RUNNER' | 'CHECK_DISPATCHER' | 'SOURCE_READER' | 'SNAPSHOTS';

/** The Worker's env: the bindings generated from wrangler.toml (some optional), and the settings. */
export type Env = Omit<Cloudflare.Env, OptionalBinding> & Partial<Pick<Cloudflare.Env, OptionalBinding>> & SettingVars;

export interface Settings {
  adminToken: string | null;
  allowPrivateUrls: boolean;
  /** Private origins allowed anyway (Settings is a UrlPolicy: see src/net/url-policy.ts). */
  allowedPrivateOrigins: string[];
  checkIntervalMinutes: number;
  checksPerTick: number;
  fetchTimeoutMs: number;
  maxPageBytes: number;
  userAgent: string;
  minArticleWords: number;
  maxShrinkRatio: number;
  /** A shrink anomaly that lasts this long is a lasting cut (a retraction, a story gutted): stored. */
  shrinkConfirmMinutes: number;
  /** The adaptive schedule: check every `everyMinutes` while younger than `untilMinutes`. */
  schedule: ScheduleTier[];
  fanout: 'auto' | 'queue' | 'inline';
  queuedChecksPerTick: number;
  maxPerHostPerTick: number;
  hostConcurrency: number;
  queueMaxAttempts: number;
  queueRetrySeconds: number;
  sourceIntervalMinutes: number;
  newArticlesPerSourceRead: number;
}

export interface ScheduleTier {
  everyMinutes: number;
  /** Age (since first seen or last change) at which this tier ends; null: never. */
  untilMinutes: number | null;
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
    allowedPrivateOrigins: originsFrom(env.ALLOW_PRIVATE_ORIGINS),
    checkIntervalMinutes: positiveNumber(env.CHECK_INTERVAL_MINUTES, 15),
    checksPerTick: Math.floor(positiveNumber(env.CHECKS_PER_TICK, 400)),
    fetchTimeoutMs: positiveNumber(env.FETCH_TIMEOUT_MS, 15_000),
    maxPageBytes: positiveNumber(env.MAX_PAGE_BYTES, 5 * 1024 * 1024),
    userAgent: env.USER_AGENT || `Redline/0.1 (news edit monitor; +${env.CONTACT_URL || DEFAULT_CONTACT_URL})`,
    minArticleWords: Math.floor(positiveNumber(env.MIN_ARTICLE_WORDS, 25)),
    maxShrinkRatio: Math.min(1, positiveNumber(env.MAX_SHRINK_RATIO, 0.6)),
    shrinkConfirmMinutes: positiveNumber(env.SHRINK_CONFIRM_MINUTES, 60),
    schedule: parseSchedule(env.SCHEDULE, env.CHECK_INTERVAL_MINUTES),
    fanout: env.FANOUT === 'queue' || env.FANOUT === 'inline' ? env.FANOUT : 'auto',
    queuedChecksPerTick: Math.floor(positiveNumber(env.QUEUED_CHECKS_PER_TICK, 10_000)),
    maxPerHostPerTick: Math.floor(positiveNumber(env.MAX_PER_HOST_PER_TICK, 60)),
    hostConcurrency: Math.floor(positiveNumber(env.HOST_CONCURRENCY, 2)),
    queueMaxAttempts: Math.floor(positiveNumber(env.QUEUE_MAX_ATTEMPTS, 4)),
    queueRetrySeconds: positiveNumber(env.QUEUE_RETRY_SECONDS, 30),
    sourceIntervalMinutes: positiveNumber(env.SOURCE_INTERVAL_MINUTES, 15),
    newArticlesPerSourceRead: Math.floor(positiveNumber(env.NEW_ARTICLES_PER_SOURCE_READ, 100)),
  };
}

/** "http://a:1, http://b:2" -> their origins; an entry that is not a URL is ignored. */
function originsFrom(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    try {
      origins.push(new URL(entry).origin);
    } catch {
      console.warn(`ALLOW_PRIVATE_ORIGINS: ignoring ${JSON.stringify(entry)}, not a URL`);
    }
  }
  return origins;
}

export const DEFAULT_SCHEDULE = '15m<3h,1h<1d,3h<7d,1d<30d';

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };

function minutes(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([mhd])$/i.exec(text.trim());
  return match ? Number(match[1]) * UNIT_MINUTES[match[2].toLowerCase()] : null;
}

/**
 * Reads SCHEDULE ("15m<3h,1h<1d,3h<7d,1d<30d"; a last tier without "<" never stops). Without
 * SCHEDULE, a CHECK_INTERVAL_MINUTES of its own means one interval forever; an unreadable value
 * falls back to the default.
 */
export function parseSchedule(raw: string | undefined, legacyInterval?: string): ScheduleTier[] {
  if (!raw && legacyInterval) return [{ everyMinutes: positiveNumber(legacyInterval, 15), untilMinutes: null }];
  const tiers: ScheduleTier[] = [];
  for (const part of (raw || DEFAULT_SCHEDULE).split(',')) {
    const [every, until] = part.split('<');
    const everyMinutes = minutes(every ?? '');
    const untilMinutes = until === undefined ? null : minutes(until);
    const previous = tiers.at(-1)?.untilMinutes ?? 0;
    if (!everyMinutes || (until !== undefined && (!untilMinutes || untilMinutes <= previous)) || tiers.at(-1)?.untilMinutes === null) {
      return raw ? parseSchedule(undefined) : [];
    }
    tiers.push({ everyMinutes, untilMinutes });
  }
  return tiers;
}
