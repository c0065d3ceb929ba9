/**
 * Webhooks: each URL in the WEBHOOK_URLS setting (separated by spaces, commas or new lines)
 * receives one JSON message per change, in a form Slack and Discord accept (see message.ts).
 * A failed delivery (network error, timeout, 408, 429 or 5xx) is retried twice, after 1 s and 4 s
 * (or the Retry-After the target asked for, up to 10 s); every delivery's attempts and outcome
 * are recorded in KV under `webhook:` for 30 days, and readable at GET /api/v1/webhooks.
 * A delivery that still failed with such an error is owed: the cron sends it again
 * (src/webhooks/redeliver.ts) until it arrives, so a receiver that was down gets every change.
 *
 * Wiring: after a change is stored, `ctx.waitUntil(notifyWebhooks(env, change, origin))`.
 */
import { settingsFrom, type Env } from '../settings';
import { checkFetchableUrl, fetchOutbound, type UrlPolicy } from '../net';
import { deleteOwedDelivery, putOwedDelivery, type ChangeRecord } from '../store';
import { putDeliveryLog, recentDeliveryLogs } from '../store/delivery-logs';
import { changePath } from '../changes/links';
import { kindsOfChange } from '../changes/select';
import { formatFor, webhookMessage, type ChangeLinks, type WebhookFormat } from './webhook-message';
import { sha256Hex } from '../model/sha256';

/** The settings webhooks read (declared with the others in src/settings.ts). */
export type WebhookSettings = Pick<Env, 'WEBHOOK_URLS' | 'PUBLIC_URL'>;

export type WebhookEnv = Pick<Env, 'REDLINE' | 'ALLOW_PRIVATE_URLS' | 'ALLOW_PRIVATE_ORIGINS'> & WebhookSettings;

export interface WebhookAttempt {
  at: string;
  status: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  /** A short hash of the URL: the URL itself carries a secret and is never stored. */
  target: string;
  host: string;
  format: WebhookFormat;
  id: string;
  seq: string;
  title: string;
  ok: boolean;
  attempts: WebhookAttempt[];
}

export interface DeliveryOptions {
  /** Tests only: stands in for the global fetch (see src/net). */
  fetcher?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** Waits before the second and third attempts. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
  /** Only these of the configured URLs (a redelivery sends to one). */
  urls?: string[];
  /** Set when the cron sends an owed delivery again: the rounds of attempts made before. */
  redelivery?: number;
}

/** Rounds of attempts before an owed delivery is given up: a day of 15-minute cron ticks. */
export const MAX_DELIVERY_ROUNDS = 96;

const RETENTION_SECONDS = 30 * 24 * 3600;
const MAX_RETRY_AFTER_MS = 10_000;

/** Each delivery attempt waits this long for the target's answer (then it is a timeout, retried). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** A WEBHOOK_URLS entry that is not an http(s) URL: nothing is sent to it. */
export interface InvalidWebhookEntry {
  /** Its place in WEBHOOK_URLS, counting entries (separated by commas or new lines) from 1. */
  position: number;
  /** Its first 20 characters: a mistyped URL may still carry its secret. */
  start: string;
  error: string;
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol, hostname } = new URL(text);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}

/**
 * WEBHOOK_URLS read entry by entry: entries are separated by commas or new lines, and an entry
 * may hold several URLs separated by spaces. An entry with any word that is not an http(s) URL
 * ("not a url") is invalid as a whole, named once, and gets nothing: not split into targets that
 * would each fail at delivery.
 */
export function webhookEntries(env: WebhookSettings): { urls: string[]; invalid: InvalidWebhookEntry[] } {
  const urls = new Set<string>();
  const invalid: InvalidWebhookEntry[] = [];
  const entries = (env.WEBHOOK_URLS ?? '')
    .split(/[,\n\r]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.forEach((entry, index) => {
    const words = entry.split(/\s+/);
    if (words.every(isHttpUrl)) for (const url of words) urls.add(url);
    else invalid.push({ position: index + 1, start: entry.length > 20 ? `${entry.slice(0, 20)}…` : entry, error: 'not an http(s) URL' });
  });
  return { urls: [...urls], invalid };
}

/** The URLs changes are delivered to (invalid entries left out: see webhookEntries). */
export function webhookUrls(env: WebhookSettings): string[] {
  return webhookEntries(env).urls;
}

export async function targetOf(url: string): Promise<string> {
  return (await sha256Hex(url)).slice(0, 12);
}

/** Worth another attempt: the network, a timeout, 408, 429 or a 5xx. Never a refused redirect. */
const retryable = (kind: string, status: number | undefined) =>
  kind === 'network' || kind === 'timeout' || (kind === 'http' && status !== undefined && (status === 408 || status === 429 || status >= 500));

async function deliver(
  url: string,
  body: string,
  policy: UrlPolicy,
  options: Required<Pick<DeliveryOptions, 'sleep' | 'now' | 'backoffMs' | 'timeoutMs'>> & Pick<DeliveryOptions, 'fetcher'>,
): Promise<{ ok: boolean; attempts: WebhookAttempt[]; retryable: boolean }> {
  const attempts: WebhookAttempt[] = [];
  for (let k = 0; k <= options.backoffMs.length; k++) {
    const at = options.now().toISOString();
    let wait = options.backoffMs[k] ?? 0;
    const sent = await fetchOutbound(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Redline webhooks' },
      body,
      expect: 'none',
      policy,
      maxBytes: 0,
      timeoutMs: options.timeoutMs,
      transport: options.fetcher,
    });
    if (sent.ok) {
      attempts.push({ at, status: sent.status, error: null });
      return { ok: true, attempts, retryable: false };
    }
    attempts.push({ at, status: sent.status ?? null, error: sent.kind === 'http' ? sent.message : `${sent.kind}: ${sent.message}` });
    if (!retryable(sent.kind, sent.status)) return { ok: false, attempts, retryable: false };
    if (sent.retryAfterSeconds !== undefined) wait = Math.min(MAX_RETRY_AFTER_MS, sent.retryAfterSeconds * 1000);
    if (k < options.backoffMs.length) await options.sleep(wait);
  }
  return { ok: false, attempts, retryable: true };
}

/** Sends `change` to every configured webhook, retrying failures; records and returns each delivery. */
export async function notifyWebhooks(env: WebhookEnv, change: ChangeRecord, origin?: string, options: DeliveryOptions = {}): Promise<WebhookDelivery[]> {
  const urls = webhookUrls(env).filter((url) => !options.urls || options.urls.includes(url));
  if (!urls.length) return [];
  const settings = {
    fetcher: options.fetcher,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: options.now ?? (() => new Date()),
    backoffMs: options.backoffMs ?? [1000, 4000],
    timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
  };
  const base = (origin ?? env.PUBLIC_URL ?? '').replace(/\/+$/, '');
  const links: ChangeLinks = base ? { diff: `${base}${changePath(change)}`, history: `${base}/articles/${change.id}` } : { diff: null, history: null };
  const kinds = kindsOfChange(change);
  const policy: UrlPolicy = settingsFrom(env as Env);
  return Promise.all(
    urls.map(async (url) => {
      const target = await targetOf(url);
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        parsed = null;
      }
      const verdict = parsed ? checkFetchableUrl(parsed, policy) : { ok: false as const, error: 'not a valid URL' };
      const format = parsed ? formatFor(url) : 'generic';
      const delivery: WebhookDelivery = {
        target,
        host: parsed?.host ?? '?',
        format,
        id: change.id,
        seq: change.seq,
        title: change.title,
        ok: false,
        attempts: [],
      };
      let owed = false;
      if (!verdict.ok) delivery.attempts.push({ at: settings.now().toISOString(), status: null, error: `refused: ${verdict.error}` });
      else {
        const sent = await deliver(url, JSON.stringify(webhookMessage(format, change, kinds, links)), policy, settings);
        delivery.ok = sent.ok;
        delivery.attempts = sent.attempts;
        owed = sent.retryable;
      }
      await putDeliveryLog(
        env.REDLINE,
        {
          channel: 'webhook',
          atMs: settings.now().getTime(),
          id: change.id,
          seq: change.seq,
          target,
          retentionSeconds: RETENTION_SECONDS,
          metadata: { ok: delivery.ok, host: delivery.host, attempts: delivery.attempts.length },
        },
        delivery,
      );
      // Still failing with an error worth retrying: owed, and the cron sends it again (redeliver.ts).
      const rounds = (options.redelivery ?? 0) + 1;
      if (owed && rounds < MAX_DELIVERY_ROUNDS) await putOwedDelivery(env.REDLINE, { id: change.id, seq: change.seq, target, attempts: rounds });
      else if (options.redelivery) await deleteOwedDelivery(env.REDLINE, change.id, change.seq, target);
      if (!delivery.ok)
        console.warn(
          `webhook to ${delivery.host} failed for ${change.id}/${change.seq}: ${delivery.attempts.at(-1)?.error}${owed ? ' (owed: the cron sends it again)' : ''}`,
        );
      return delivery;
    }),
  );
}

/** The latest recorded deliveries, newest first. */
export async function recentDeliveries(kv: KVNamespace, limit = 50): Promise<WebhookDelivery[]> {
  return recentDeliveryLogs<WebhookDelivery>(kv, 'webhook', limit);
}
