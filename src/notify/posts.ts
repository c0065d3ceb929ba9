/**
 * Posting: each published change, when its kinds pass POST_KINDS, goes to the Mastodon and
 * Bluesky accounts that are configured (none by default), as a short text, the link to its diff
 * and the diff card as the picture with alt text. Each call is retried (attempts.ts) and goes
 * through one outbound function (outbound.ts); each delivery's attempts and outcome are kept in
 * KV under `post:` for 30 days, beside the webhooks' log, and read at GET /api/v1/posts.
 *
 * Wiring: after a change is stored, `ctx.waitUntil(publishPosts(env, change))`, as for webhooks.
 */
import { cardOfChange } from '../cards';
import { CHANGE_KINDS } from '../diff/kind';
import { getArticle, type ChangeKind, type ChangeRecord } from '../store';
import { putDeliveryLog, recentDeliveryLogs } from '../store/delivery-logs';
import type { PostAttempt, RetryOptions } from './attempts';
import { postToBluesky, type BlueskyAccount } from './bluesky';
import { postToMastodon, type MastodonAccount, type Send, type SocialPost } from './mastodon';
import { callOutbound } from './outbound';

/**
 * The settings posting reads (declared with their meaning in src/env.ts; not imported from there,
 * which would pull env.ts into an import circle through the ArticleWriter).
 */
export interface PostingEnv {
  REDLINE: KVNamespace;
  ALLOW_PRIVATE_URLS?: string;
  PUBLIC_URL?: string;
  MASTODON_URL?: string;
  MASTODON_TOKEN?: string;
  BLUESKY_HANDLE?: string;
  BLUESKY_APP_PASSWORD?: string;
  BLUESKY_SERVICE?: string;
  POST_KINDS?: string;
}

export type Network = 'mastodon' | 'bluesky';

export interface PostDelivery {
  network: Network;
  /** The instance's host, or the Bluesky handle: never a token. */
  account: string;
  id: string;
  seq: string;
  title: string;
  ok: boolean;
  /** The post, once it exists. */
  url: string | null;
  attempts: PostAttempt[];
}

export interface PostingOptions extends Partial<RetryOptions> {
  transport?: typeof fetch;
  timeoutMs?: number;
}

const RETENTION_SECONDS = 30 * 24 * 3600;

export interface PostingSettings {
  mastodon: MastodonAccount | null;
  bluesky: BlueskyAccount | null;
  kinds: ChangeKind[];
}

export function postingSettings(env: PostingEnv): PostingSettings {
  const listed = (env.POST_KINDS ?? '').split(/[\s,]+/).filter((kind): kind is ChangeKind => (CHANGE_KINDS as readonly string[]).includes(kind));
  return {
    mastodon: env.MASTODON_URL && env.MASTODON_TOKEN ? { instance: env.MASTODON_URL, token: env.MASTODON_TOKEN } : null,
    bluesky:
      env.BLUESKY_HANDLE && env.BLUESKY_APP_PASSWORD
        ? { service: env.BLUESKY_SERVICE || 'https://bsky.social', handle: env.BLUESKY_HANDLE, appPassword: env.BLUESKY_APP_PASSWORD }
        : null,
    kinds: listed.length ? listed : CHANGE_KINDS.filter((kind) => kind !== 'minor'),
  };
}

/** Whether a change is posted: an edit (or revert, or return) between two versions whose kinds pass the filter. */
export function shouldPost(change: ChangeRecord, kinds: readonly ChangeKind[]): boolean {
  return change.to === change.from + 1 && change.diff?.changed === true && change.kinds.some((kind) => kinds.includes(kind));
}

/** The words of a post: headline, what changed, the kinds. */
export function postText(change: ChangeRecord): string {
  const counts = [
    change.stats.added ? `${change.stats.added} word${change.stats.added === 1 ? '' : 's'} added` : '',
    change.stats.removed ? `${change.stats.removed} removed` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const what = change.diff.title ? `headline changed${counts ? `, ${counts}` : ''}` : counts || 'edited';
  return `Edited: ${change.title || change.url} (${change.site}) — ${what}. ${change.kinds.join(', ')}`;
}

/** Posts `change` to every configured account; records and returns each delivery. */
export async function publishPosts(env: PostingEnv, change: ChangeRecord, options: PostingOptions = {}): Promise<PostDelivery[]> {
  const settings = postingSettings(env);
  if ((!settings.mastodon && !settings.bluesky) || !shouldPost(change, settings.kinds)) return [];
  const retry: RetryOptions = {
    backoffMs: options.backoffMs ?? [1000, 4000],
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: options.now ?? (() => new Date()),
  };
  const send: Send = (url, call) =>
    callOutbound(url, { ...call, transport: options.transport, timeoutMs: options.timeoutMs ?? 10_000, allowPrivateUrls: env.ALLOW_PRIVATE_URLS === 'true' });
  const base = (env.PUBLIC_URL ?? '').replace(/\/+$/, '');
  const link = base ? `${base}/articles/${change.id}/diff/${change.from}/${change.to}` : change.url;

  const deliveries: PostDelivery[] = [];
  const targets: [Network, string][] = [];
  if (settings.mastodon) targets.push(['mastodon', new URL(settings.mastodon.instance).host]);
  if (settings.bluesky) targets.push(['bluesky', settings.bluesky.handle]);

  let post: SocialPost | null = null;
  let cardError: string | null = null;
  try {
    const article = await getArticle(env.REDLINE, change.id);
    if (!article) throw new Error('article not found');
    const card = await cardOfChange(env.REDLINE, { article, from: change.from, to: change.to, diff: change.diff, kinds: change.kinds });
    post = { key: `${change.id}-${change.seq}`, text: postText(change), link, card: card.png, alt: card.alt };
  } catch (error) {
    cardError = `card: ${error instanceof Error ? error.message : String(error)}`;
  }

  await Promise.all(
    targets.map(async ([network, account]) => {
      const delivery: PostDelivery = { network, account, id: change.id, seq: change.seq, title: change.title, ok: false, url: null, attempts: [] };
      if (!post) delivery.attempts.push({ step: 'card', at: retry.now().toISOString(), status: null, error: cardError });
      else {
        const result =
          network === 'mastodon' && settings.mastodon
            ? await postToMastodon(settings.mastodon, post, send, retry, delivery.attempts)
            : settings.bluesky
              ? await postToBluesky(settings.bluesky, post, send, retry, delivery.attempts)
              : { ok: false, url: null };
        Object.assign(delivery, result);
      }
      await putDeliveryLog(
        env.REDLINE,
        {
          channel: 'post',
          atMs: retry.now().getTime(),
          id: change.id,
          seq: change.seq,
          target: network,
          retentionSeconds: RETENTION_SECONDS,
          metadata: { ok: delivery.ok, network, attempts: delivery.attempts.length },
        },
        delivery,
      );
      if (!delivery.ok) console.warn(`post to ${network} (${account}) failed for ${change.id}/${change.seq}: ${delivery.attempts.at(-1)?.error}`);
      deliveries.push(delivery);
    }),
  );
  return deliveries;
}

/** The latest recorded posts, newest first. */
export async function recentPosts(kv: KVNamespace, limit = 50): Promise<PostDelivery[]> {
  return recentDeliveryLogs<PostDelivery>(kv, 'post', limit);
}
