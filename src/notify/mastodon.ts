/**
 * A Mastodon status for a change: the card uploaded with its alt text (POST /api/v2/media,
 * multipart), then the status with the media attached (POST /api/v1/statuses, JSON). The token
 * goes as a Bearer header; the status carries an Idempotency-Key made from the change, so a
 * retried status after a lost answer is not posted twice.
 *
 * A card still being processed (202, no url yet) is polled (GET /api/v1/media/:id: 206 while
 * processing, 200 with its url once done) before the status names it: Mastodon refuses a status
 * whose media is not ready with a 422. The polls are bounded: a card never ready fails the post.
 */
import { withRetries, type PostAttempt, type RetryOptions } from './attempts';
import type { OutboundAnswer, OutboundCall } from './outbound';

export interface MastodonAccount {
  /** The instance's origin, https://mastodon.example. */
  instance: string;
  token: string;
}

export interface SocialPost {
  /** Unique per change: "<id>-<seq>". */
  key: string;
  text: string;
  link: string;
  card: Uint8Array;
  alt: string;
}

export type Send = (url: string, call: Omit<OutboundCall, 'timeoutMs' | 'allowPrivateUrls'>) => Promise<OutboundAnswer>;

/** Mastodon counts a link as 23 characters whatever its length; a status holds 500. */
export const MASTODON_MAX = 500;

export function mastodonStatus(post: Pick<SocialPost, 'text' | 'link'>): string {
  const room = MASTODON_MAX - 23 - 1;
  const text = [...post.text].length > room ? `${[...post.text].slice(0, room - 1).join('')}…` : post.text;
  return `${text}\n${post.link}`;
}

/** Polls of a card still being processed, a second apart: Mastodon processes an image in a few. */
export const MEDIA_POLLS = 10;
const MEDIA_POLL_MS = 1000;

/** Whether the card a media answer describes is ready to attach: it has its url. */
const mediaReady = (json: unknown) => typeof (json as { url?: unknown } | null)?.url === 'string';

/** Waits (bounded) until the media is processed; true when it is. */
async function untilProcessed(base: string, mediaId: string, auth: Record<string, string>, send: Send, retry: RetryOptions, attempts: PostAttempt[]) {
  for (let poll = 1; poll <= MEDIA_POLLS; poll++) {
    await retry.sleep(MEDIA_POLL_MS);
    const at = retry.now().toISOString();
    const answer = await send(`${base}/api/v1/media/${encodeURIComponent(mediaId)}`, { method: 'GET', headers: auth });
    const ready = answer.ok && answer.status === 200 && mediaReady(answer.json);
    const error = answer.ok ? (ready ? null : `still being processed after ${poll} poll${poll === 1 ? '' : 's'}`) : answer.error;
    attempts.push({ step: 'media-ready', at, status: answer.status, error });
    if (ready) return true;
    if (!answer.ok && !answer.retryable) return false;
  }
  return false;
}

export async function postToMastodon(
  account: MastodonAccount,
  post: SocialPost,
  send: Send,
  retry: RetryOptions,
  attempts: PostAttempt[],
): Promise<{ ok: boolean; url: string | null }> {
  const base = account.instance.replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${account.token}` };
  const media = await withRetries('media', attempts, retry, () => {
    const form = new FormData();
    form.append('file', new Blob([post.card], { type: 'image/png' }), 'redline-card.png');
    form.append('description', post.alt.slice(0, 1500));
    return send(`${base}/api/v2/media`, { method: 'POST', headers: auth, body: form });
  });
  const mediaId = media.ok ? (media.json as { id?: unknown } | null)?.id : null;
  if (typeof mediaId !== 'string') {
    if (media.ok) attempts.push({ step: 'media', at: retry.now().toISOString(), status: media.status, error: 'no media id in the answer' });
    return { ok: false, url: null };
  }
  if (!(media.ok && mediaReady(media.json)) && !(await untilProcessed(base, mediaId, auth, send, retry, attempts))) return { ok: false, url: null };
  const status = await withRetries('status', attempts, retry, () =>
    send(`${base}/api/v1/statuses`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `redline-${post.key}` },
      body: JSON.stringify({ status: mastodonStatus(post), media_ids: [mediaId], visibility: 'public' }),
    }),
  );
  if (!status.ok) return { ok: false, url: null };
  const url = (status.json as { url?: unknown } | null)?.url;
  return { ok: true, url: typeof url === 'string' ? url : null };
}
