/**
 * Posting a change to Mastodon and Bluesky, against local fake servers that speak those APIs
 * (test/social-fakes.ts) and keep what they received: the token, the card as a PNG with its alt
 * text, the link as a facet at the right UTF-8 byte offsets for a Cyrillic headline, retries.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { publishPosts, type PostingEnv } from '../../src/notify/posts';
import { getChangeToVersion, type ChangeRecord } from '../../src/store';
import { api, auth, post, publish } from '../helpers';

const BODY = (word: string) =>
  `<p>Заместитель министра иностранных дел Сергей ${word} сказал журналистам в Москве, что контакты с командой кандидата продолжались во время всей избирательной кампании и после неё.</p>
<p>Он добавил, что министерство не видит в этих встречах ничего необычного и что дипломаты регулярно встречаются с представителями обеих партий, как это принято во всём мире.</p>`;
const page = (headline: string, word: string) =>
  `<!doctype html><html lang="ru"><head><title>${headline}</title></head><body><article><h1>${headline}</h1>${BODY(word)}</article></body></html>`;

const noWait = { sleep: async () => {}, backoffMs: [1, 1] };

type Echoed = any;

async function received(account: string) {
  return (await fetch(`${inject('social')}/${account}/__received`)).json<
    { method: string; path: string; headers: Record<string, string>; json?: Echoed; form?: Echoed; bytes?: Echoed }[]
  >();
}

function settings(account: string, extra: Partial<PostingEnv> = {}): PostingEnv {
  const social = inject('social');
  return {
    ...env,
    MASTODON_URL: `${social}/${account}`,
    MASTODON_TOKEN: 'masto-token',
    BLUESKY_SERVICE: `${social}/${account}`,
    BLUESKY_HANDLE: 'alice.test',
    BLUESKY_APP_PASSWORD: 'app-pass',
    ...extra,
  };
}

describe('posting a change', () => {
  let change: ChangeRecord;

  beforeAll(async () => {
    const url = await publish('/posts/ryabkov.html', page('Рыбаков: контакты были', 'Рыбаков'));
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await post(`/articles/${id}/check`, '');
    await publish('/posts/ryabkov.html', page('Рябков: контакты продолжались', 'Рябков'));
    const second = await (await post(`/articles/${id}/check`, '')).json<{ version: number }>();
    expect(second.version).toBe(2);
    const stored = await getChangeToVersion(env.REDLINE, id, 2);
    if (!stored) throw new Error('no change stored');
    change = stored;
  });

  it('is off by default: no account configured, nothing is sent', async () => {
    expect(await publishPosts(env, change, noWait)).toEqual([]);
    const log = await (await api('/posts', { headers: auth })).json<{ configured: { mastodon: boolean; bluesky: boolean } }>();
    expect(log.configured).toMatchObject({ mastodon: false, bluesky: false });
  });

  it('posts the card to Mastodon with alt text, and to Bluesky with the link as a facet at UTF-8 byte offsets', async () => {
    const deliveries = await publishPosts(settings('both'), change, noWait);
    expect(deliveries.map((d) => [d.network, d.ok]).sort()).toEqual([
      ['bluesky', true],
      ['mastodon', true],
    ]);
    const seen = await received('both');
    const link = `http://redline.test/articles/${change.id}/diff/1/2`;

    const media = seen.find((r) => r.path === '/api/v2/media');
    expect(media?.headers.authorization).toBe('Bearer masto-token');
    expect(media?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(media?.form.file).toMatchObject({ type: 'image/png', png: true });
    expect(media?.form.file.size).toBeGreaterThan(20_000);
    expect(media?.form.description).toContain('Redline diff card: 127.0.0.1');
    expect(media?.form.description).toContain('deleted “Рыбаков”');
    const status = seen.find((r) => r.path === '/api/v1/statuses');
    expect(status?.headers.authorization).toBe('Bearer masto-token');
    expect(status?.headers['idempotency-key']).toBe(`redline-${change.id}-${change.seq}`);
    expect(status?.json.media_ids).toEqual(['media-1']);
    expect(status?.json.status).toContain('Рябков: контакты продолжались');
    expect(status?.json.status.endsWith(`\n${link}`)).toBe(true);

    const session = seen.find((r) => r.path === '/xrpc/com.atproto.server.createSession');
    expect(session?.json).toEqual({ identifier: 'alice.test', password: 'app-pass' });
    const blob = seen.find((r) => r.path === '/xrpc/com.atproto.repo.uploadBlob');
    expect(blob?.headers.authorization).toBe('Bearer jwt-for-alice');
    expect(blob?.bytes).toMatchObject({ type: 'image/png', png: true });
    const record = seen.find((r) => r.path === '/xrpc/com.atproto.repo.createRecord');
    expect(record?.headers.authorization).toBe('Bearer jwt-for-alice');
    expect(record?.json.collection).toBe('app.bsky.feed.post');
    if (!record) throw new Error('no createRecord call');
    const { text, facets, embed } = record.json.record;
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images[0]).toMatchObject({
      image: { ref: { $link: 'bafkreifakecardblob' }, mimeType: 'image/png' },
      aspectRatio: { width: 1200, height: 630 },
    });
    expect(embed.images[0].alt).toContain('inserted “Рябков”');
    const [facet] = facets;
    expect(facet.features).toEqual([{ $type: 'app.bsky.richtext.facet#link', uri: link }]);
    const bytes = new TextEncoder().encode(text);
    expect(new TextDecoder().decode(bytes.slice(facet.index.byteStart, facet.index.byteEnd))).toBe(link);
    // Cyrillic letters are two bytes each: the byte offset is well past the character offset.
    expect(facet.index.byteStart).toBeGreaterThan(text.indexOf(link));

    const log = await (await api('/posts', { headers: auth })).json<{ deliveries: { network: string; ok: boolean; url: string | null; id: string }[] }>();
    const mine = log.deliveries.filter((d) => d.id === change.id && d.ok);
    expect(mine.map((d) => d.network).sort()).toEqual(['bluesky', 'mastodon']);
    expect(mine.every((d) => d.url)).toBe(true);
  });

  it('retries a step that fails with 503, and logs a post that still fails after the retries', async () => {
    const social = inject('social');
    await fetch(`${social}/flaky/__fail`, { method: 'PUT', body: JSON.stringify({ path: '/api/v1/statuses', times: 2, status: 503 }) });
    await fetch(`${social}/flaky/__fail`, { method: 'PUT', body: JSON.stringify({ path: '/xrpc/com.atproto.repo.uploadBlob', times: 5, status: 502 }) });
    const deliveries = await publishPosts(settings('flaky'), change, noWait);
    const mastodon = deliveries.find((d) => d.network === 'mastodon');
    const bluesky = deliveries.find((d) => d.network === 'bluesky');
    expect(mastodon?.ok).toBe(true);
    expect(mastodon?.attempts.map((a) => [a.step, a.status])).toEqual([
      ['media', 200],
      ['status', 503],
      ['status', 503],
      ['status', 200],
    ]);
    expect(bluesky?.ok).toBe(false);
    expect(bluesky?.attempts.filter((a) => a.step === 'blob').map((a) => a.status)).toEqual([502, 502, 502]);
    expect((await received('flaky')).some((r) => r.path === '/xrpc/com.atproto.repo.createRecord')).toBe(false);
  });

  it('a Bluesky post whose answer was lost after it landed is not posted twice on the retry', async () => {
    const social = inject('social');
    // The first createRecord is done by the server but answered too late for the 1.5 s timeout.
    await fetch(`${social}/lost/__fail`, { method: 'PUT', body: JSON.stringify({ path: '/xrpc/com.atproto.repo.createRecord', times: 1, hangMs: 4000 }) });
    const deliveries = await publishPosts(settings('lost', { MASTODON_URL: undefined }), change, { ...noWait, timeoutMs: 1500 });
    expect(deliveries).toHaveLength(1);
    const [bluesky] = deliveries;
    const { records } = await (await fetch(`${social}/lost/__posts`)).json<{ records: Record<string, unknown> }>();
    expect(Object.keys(records)).toHaveLength(1);
    const [rkey] = Object.keys(records);
    expect(bluesky.ok).toBe(true);
    expect(bluesky.url).toBe(`https://bsky.app/profile/did:plc:alicefake/post/${rkey}`);
    expect(bluesky.attempts.map((a) => [a.step, a.status])).toEqual([
      ['session', 200],
      ['blob', 200],
      ['record', null],
      ['record-check', 200],
    ]);
  });

  it('a Bluesky post whose server failed after committing it is found, not posted again', async () => {
    const social = inject('social');
    await fetch(`${social}/landed/__fail`, {
      method: 'PUT',
      body: JSON.stringify({ path: '/xrpc/com.atproto.repo.createRecord', times: 2, status: 502, landed: true }),
    });
    const [bluesky] = await publishPosts(settings('landed', { MASTODON_URL: undefined }), change, noWait);
    const { records } = await (await fetch(`${social}/landed/__posts`)).json<{ records: Record<string, unknown> }>();
    expect(Object.keys(records)).toHaveLength(1);
    expect(bluesky.ok).toBe(true);
    expect(bluesky.url).toContain(Object.keys(records)[0]);
  });

  it('a Bluesky post that did not land is created on the retry, under the same record key', async () => {
    const social = inject('social');
    await fetch(`${social}/retried/__fail`, { method: 'PUT', body: JSON.stringify({ path: '/xrpc/com.atproto.repo.createRecord', times: 1, status: 503 }) });
    const [bluesky] = await publishPosts(settings('retried', { MASTODON_URL: undefined }), change, noWait);
    expect(bluesky.ok).toBe(true);
    const creates = (await received('retried')).filter((r) => r.path === '/xrpc/com.atproto.repo.createRecord');
    expect(creates).toHaveLength(2);
    expect(creates[0].json.rkey).toBe(creates[1].json.rkey);
    expect(bluesky.attempts.map((a) => [a.step, a.status])).toEqual([
      ['session', 200],
      ['blob', 200],
      ['record', 503],
      ['record-check', 400],
      ['record', 200],
    ]);
  });

  it('waits for a Mastodon card still being processed (202) before posting the status', async () => {
    const social = inject('social');
    await fetch(`${social}/processing/__processing`, { method: 'PUT', body: JSON.stringify({ polls: 2 }) });
    const [mastodon] = await publishPosts(settings('processing', { BLUESKY_HANDLE: undefined }), change, noWait);
    expect(mastodon.attempts.map((a) => [a.step, a.status])).toEqual([
      ['media', 202],
      ['media-ready', 206],
      ['media-ready', 206],
      ['media-ready', 200],
      ['status', 200],
    ]);
    expect(mastodon.ok).toBe(true);
    const { statuses } = await (await fetch(`${social}/processing/__posts`)).json<{ statuses: string[] }>();
    expect(statuses).toHaveLength(1);
  });

  it('gives up on a Mastodon card that is never processed, without posting a status', async () => {
    const social = inject('social');
    await fetch(`${social}/stuck/__processing`, { method: 'PUT', body: JSON.stringify({ polls: 1000 }) });
    const [mastodon] = await publishPosts(settings('stuck', { BLUESKY_HANDLE: undefined }), change, noWait);
    expect(mastodon.ok).toBe(false);
    const polls = mastodon.attempts.filter((a) => a.step === 'media-ready');
    expect(polls.length).toBeGreaterThan(2);
    expect(polls.length).toBeLessThanOrEqual(12);
    expect(polls.at(-1)?.error).toContain('still being processed');
    expect((await received('stuck')).some((r) => r.path === '/api/v1/statuses')).toBe(false);
  });

  it('posts only the kinds POST_KINDS names, and a wrong token is a failure, not a retry', async () => {
    expect(await publishPosts(settings('filtered', { POST_KINDS: 'rewrite' }), change, noWait)).toEqual([]);
    expect(await received('filtered')).toEqual([]);
    const deliveries = await publishPosts(settings('badtoken', { MASTODON_TOKEN: 'wrong', BLUESKY_HANDLE: undefined }), change, noWait);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ network: 'mastodon', ok: false });
    expect(deliveries[0].attempts.map((a) => a.status)).toEqual([401]);
  });
});
