/**
 * A Bluesky post for a change: a session from the handle and an app password
 * (com.atproto.server.createSession), the card uploaded as a blob (com.atproto.repo.uploadBlob,
 * the PNG bytes as the body), then the post record (com.atproto.repo.createRecord) with the
 * card embedded (app.bsky.embed.images, alt text, aspect ratio) and the link as a facet. Facet
 * offsets count UTF-8 bytes, not characters: a headline in Cyrillic or with an accent moves them.
 *
 * A post is created once, whatever the retries: its record key is chosen here (a TID, the key
 * type posts use, made from the time and the change), so a retry writes the same key; and before
 * a retry, com.atproto.repo.getRecord asks whether the last try landed although its answer was
 * lost (a timeout, a gateway's 502). A PDS refuses a second create under a key that exists (with a
 * 500 today, bluesky-social/atproto#3718), so even a retry that races its own first try posts once.
 */
import { withRetries, type PostAttempt, type RetryOptions } from './attempts';
import type { Send, SocialPost } from './mastodon';

export interface BlueskyAccount {
  /** The PDS origin, https://bsky.social by default. */
  service: string;
  handle: string;
  appPassword: string;
}

/** A post holds 300 graphemes; counting code points (never fewer than graphemes) stays inside. */
export const BLUESKY_MAX = 300;

export interface LinkFacet {
  index: { byteStart: number; byteEnd: number };
  features: [{ $type: 'app.bsky.richtext.facet#link'; uri: string }];
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** The post's text (the message, a new line, the link) and the facet that makes the link a link. */
export function blueskyText(post: Pick<SocialPost, 'text' | 'link'>): { text: string; facets: LinkFacet[] } {
  const room = BLUESKY_MAX - [...post.link].length - 1;
  const message = [...post.text].length > room ? `${[...post.text].slice(0, Math.max(0, room - 1)).join('')}…` : post.text;
  const text = `${message}\n${post.link}`;
  const byteStart = utf8Length(`${message}\n`);
  return {
    text,
    facets: [{ index: { byteStart, byteEnd: byteStart + utf8Length(post.link) }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: post.link }] }],
  };
}

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key in the TID format (atproto's timestamp identifier: 13 base32-sortable characters of
 * microseconds since 1970 and a 10-bit clock id), from `now` and the change's key: the same inputs
 * give the same key. The PDS takes a post's key only when it is a TID near the present.
 */
export function postRecordKey(now: Date, key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  const micros = BigInt(now.getTime()) * 1000n + BigInt(hash % 1000);
  let value = (micros << 10n) | BigInt(hash >>> 22);
  let tid = '';
  for (let i = 0; i < 13; i++) {
    tid = S32[Number(value & 31n)] + tid;
    value >>= 5n;
  }
  return tid;
}

export async function postToBluesky(
  account: BlueskyAccount,
  post: SocialPost,
  send: Send,
  retry: RetryOptions,
  attempts: PostAttempt[],
): Promise<{ ok: boolean; url: string | null }> {
  const xrpc = (method: string) => `${account.service.replace(/\/+$/, '')}/xrpc/${method}`;
  const session = await withRetries('session', attempts, retry, () =>
    send(xrpc('com.atproto.server.createSession'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: account.handle, password: account.appPassword }),
    }),
  );
  const { accessJwt, did } = (session.ok ? session.json : {}) as { accessJwt?: unknown; did?: unknown };
  if (typeof accessJwt !== 'string' || typeof did !== 'string') return { ok: false, url: null };
  const auth = { authorization: `Bearer ${accessJwt}` };
  const upload = await withRetries('blob', attempts, retry, () =>
    send(xrpc('com.atproto.repo.uploadBlob'), { method: 'POST', headers: { ...auth, 'content-type': 'image/png' }, body: post.card }),
  );
  const blob = upload.ok ? (upload.json as { blob?: unknown } | null)?.blob : null;
  if (!blob || typeof blob !== 'object') return { ok: false, url: null };
  const { text, facets } = blueskyText(post);
  const record = {
    $type: 'app.bsky.feed.post',
    text,
    facets,
    createdAt: retry.now().toISOString(),
    embed: { $type: 'app.bsky.embed.images', images: [{ alt: post.alt.slice(0, 2000), image: blob, aspectRatio: { width: 1200, height: 630 } }] },
  };
  const rkey = postRecordKey(retry.now(), post.key);
  const landed = async () => {
    const query = new URLSearchParams({ repo: did, collection: 'app.bsky.feed.post', rkey });
    const at = retry.now().toISOString();
    const found = await send(`${xrpc('com.atproto.repo.getRecord')}?${query}`, { method: 'GET', headers: auth });
    attempts.push({ step: 'record-check', at, status: found.status, error: found.ok ? null : found.error });
    return found.ok ? found : null;
  };
  const created = await withRetries(
    'record',
    attempts,
    retry,
    () =>
      send(xrpc('com.atproto.repo.createRecord'), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ repo: did, collection: 'app.bsky.feed.post', rkey, record }),
      }),
    landed,
  );
  if (!created.ok) return { ok: false, url: null };
  const uri = (created.json as { uri?: unknown } | null)?.uri;
  // at://<did>/app.bsky.feed.post/<rkey> is shown at https://bsky.app/profile/<did>/post/<rkey>.
  const postKey = typeof uri === 'string' ? uri.split('/').at(-1) : null;
  return { ok: true, url: postKey ? `https://bsky.app/profile/${did}/post/${postKey}` : null };
}
