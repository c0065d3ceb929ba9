/**
 * Webhooks: one JSON message per change that Slack and Discord accept, failures retried, and
 * every delivery recorded. Deliveries go to a recording fetcher (and, once, to the real newsroom).
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { getChange, listOwedDeliveries, type ChangeRecord } from '../../src/store';
import { notifyWebhooks, recentDeliveries, webhookUrls } from '../../src/notify/webhooks';
import { redeliverWebhooks } from '../../src/notify/redeliver';
import { formatFor } from '../../src/notify/webhook-message';
import { trackFoundingStory } from '../feeds/story';
import { countingKv } from '../schedule/scale-helpers';
import { api, auth, post, publish } from '../helpers';

interface Sent {
  url: string;
  body: Record<string, unknown>;
}

/** A fetcher that answers the scripted statuses in turn (a thrown error for 0) and records what it got. */
function recorder(statuses: number[]) {
  const sent: Sent[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), body: JSON.parse(String(init?.body)) });
    const status = statuses.shift() ?? 200;
    if (status === 0) throw new TypeError('connection refused');
    return new Response('ok', { status, headers: status === 429 ? { 'retry-after': '2' } : {} });
  }) as typeof fetch;
  return { sent, fetcher };
}

const noWait = { sleep: async () => {}, backoffMs: [1000, 4000] };

describe('webhooks', () => {
  let change: ChangeRecord;

  beforeAll(async () => {
    const { id } = await trackFoundingStory('/webhooks/2016/11/11/russia.html');
    change = (await getChange(env.REDLINE, id, '000002'))!;
  });

  it('reads the webhook setting and tells Slack and Discord URLs apart', () => {
    expect(webhookUrls({ WEBHOOK_URLS: ' https://a.example/x, https://b.example/y\nhttps://a.example/x ' })).toEqual([
      'https://a.example/x',
      'https://b.example/y',
    ]);
    expect(webhookUrls({})).toEqual([]);
    expect(formatFor('https://hooks.slack.com/services/T/B/X')).toBe('slack');
    expect(formatFor('https://discord.com/api/webhooks/1/abc')).toBe('discord');
    expect(formatFor('https://example.com/hook')).toBe('generic');
  });

  it('sends Slack a text message and Discord a content message that pings no one', async () => {
    const { sent, fetcher } = recorder([200, 204]);
    const settings = { REDLINE: env.REDLINE, WEBHOOK_URLS: 'https://hooks.slack.com/services/T/B/X https://discord.com/api/webhooks/1/abc' };
    const deliveries = await notifyWebhooks(settings, change, 'https://redline.example', { fetcher, ...noWait });
    expect(deliveries.map((d) => [d.format, d.ok])).toEqual([
      ['slack', true],
      ['discord', true],
    ]);
    const slack = sent.find((s) => s.url.includes('slack'))!.body as { text: string };
    const discord = sent.find((s) => s.url.includes('discord'))!.body as { content: string; allowed_mentions: unknown };
    expect(slack.text).toContain(`<https://redline.example/articles/${change.id}/diff/1/2|Russian Officials Were in Contact With Trump Allies, Diplomat Says>`);
    expect(slack.text).toContain('(correction, spelling)');
    expect(slack.text).toContain('~Rybakov~ *Ryabkov*');
    expect(discord.content).toContain('~~Rybakov~~ **Ryabkov**');
    expect(discord.content.length).toBeLessThanOrEqual(2000);
    expect(discord.allowed_mentions).toEqual({ parse: [] });
  });

  it('sends any other URL the text, the content and the change itself', async () => {
    const { sent, fetcher } = recorder([200]);
    await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: 'https://example.com/hook' }, change, 'https://redline.example', { fetcher, ...noWait });
    const body = sent[0].body as { text: string; content: string; change: Record<string, unknown> };
    expect(body.text).toBeTruthy();
    expect(body.content).toBeTruthy();
    expect(body.change).toMatchObject({
      id: change.id,
      from: 1,
      to: 2,
      kinds: ['correction', 'spelling'],
      links: { diff: `https://redline.example/articles/${change.id}/diff/1/2` },
    });
    expect(body.change).not.toHaveProperty('diff');
  });

  it('gives each change one id, the same on every delivery, so a receiver can drop repeats', async () => {
    const { sent, fetcher } = recorder([503, 200, 200]);
    const settings = { REDLINE: env.REDLINE, WEBHOOK_URLS: 'https://example.com/hook' };
    await notifyWebhooks(settings, change, 'https://redline.example', { fetcher, ...noWait });
    await notifyWebhooks(settings, change, 'https://redline.example', { fetcher, ...noWait });
    const ids = sent.map((s) => (s.body as { id?: string }).id);
    expect(ids).toEqual([`urn:redline:${change.id}:1-2:${change.hash.slice(0, 12)}`, expect.any(String), expect.any(String)]);
    expect(new Set(ids).size).toBe(1);
  });

  it('retries a failed delivery after a network error and a 503, honouring Retry-After, and records the attempts', async () => {
    const { sent, fetcher } = recorder([0, 429, 200]);
    const waits: number[] = [];
    const [delivery] = await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: 'https://example.com/flaky' }, change, undefined, {
      fetcher,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(sent).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
    expect(delivery.ok).toBe(true);
    expect(delivery.attempts.map((a) => a.status)).toEqual([null, 429, 200]);
    const recorded = await recentDeliveries(env.REDLINE, 50);
    expect(recorded.find((d) => d.target === delivery.target && d.ok)).toMatchObject({ host: 'example.com', seq: '000002' });
    expect(JSON.stringify(recorded)).not.toContain('https://example.com/flaky');
  });

  it('gives up after three attempts, or at once on a 4xx, and records the failure', async () => {
    const failing = recorder([500, 502, 503]);
    const [exhausted] = await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: 'https://example.com/down' }, change, undefined, {
      fetcher: failing.fetcher,
      ...noWait,
    });
    expect(exhausted.ok).toBe(false);
    expect(exhausted.attempts).toHaveLength(3);
    // Owed (the cron sends it again, see below); cleared here so the next tests start with none.
    expect(await redeliverWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: '' })).toEqual({ tried: 1, delivered: 0 });
    const gone = recorder([404]);
    const [refused] = await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: 'https://example.com/gone' }, change, undefined, {
      fetcher: gone.fetcher,
      ...noWait,
    });
    expect(refused.attempts).toHaveLength(1);
    expect(refused.attempts[0].error).toBe('HTTP 404');
  });

  it('owes a delivery that failed every attempt, and the cron sends it again until it arrives', async () => {
    const receiver = await publish('/webhooks/down-then-up', 'down', { status: 503, headers: { 'content-type': 'text/plain' } });
    const settings = { REDLINE: env.REDLINE, WEBHOOK_URLS: receiver, ALLOW_PRIVATE_URLS: 'true' };
    const [failed] = await notifyWebhooks(settings, change, undefined, noWait);
    expect(failed.ok).toBe(false);
    expect(await listOwedDeliveries(env.REDLINE, 100)).toEqual([{ id: change.id, seq: change.seq, target: failed.target, attempts: 1 }]);

    // Still down at the next tick: still owed, one more round counted.
    expect(await redeliverWebhooks(settings, noWait)).toEqual({ tried: 1, delivered: 0 });
    expect((await listOwedDeliveries(env.REDLINE, 100)).map((o) => o.attempts)).toEqual([2]);

    await publish('/webhooks/down-then-up', 'up', { headers: { 'content-type': 'text/plain' } });
    expect(await redeliverWebhooks(settings, noWait)).toEqual({ tried: 1, delivered: 1 });
    expect(await listOwedDeliveries(env.REDLINE, 100)).toEqual([]);
    expect(await redeliverWebhooks(settings, noWait)).toEqual({ tried: 0, delivered: 0 });
  });

  it('a tick with nothing owed reads one key and lists nothing; the marker goes once the list is empty for a while', async () => {
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await listOwedDeliveries(env.REDLINE, 100, later)).toEqual([]);
    const { kv, counts } = countingKv(env.REDLINE);
    expect(await redeliverWebhooks({ REDLINE: kv, WEBHOOK_URLS: '' })).toEqual({ tried: 0, delivered: 0 });
    expect(counts).toEqual({ get: 1, list: 0, put: 0, delete: 0 });
  });

  it('owes nothing after a 4xx, and drops what is owed to a URL no longer configured', async () => {
    const gone = await publish('/webhooks/gone', 'no', { status: 404, headers: { 'content-type': 'text/plain' } });
    await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: gone, ALLOW_PRIVATE_URLS: 'true' }, change, undefined, noWait);
    expect(await listOwedDeliveries(env.REDLINE, 100)).toEqual([]);
    const down = await publish('/webhooks/removed-later', 'down', { status: 500, headers: { 'content-type': 'text/plain' } });
    await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: down, ALLOW_PRIVATE_URLS: 'true' }, change, undefined, noWait);
    expect(await listOwedDeliveries(env.REDLINE, 100)).toHaveLength(1);
    expect(await redeliverWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: '', ALLOW_PRIVATE_URLS: 'true' }, noWait)).toEqual({ tried: 1, delivered: 0 });
    expect(await listOwedDeliveries(env.REDLINE, 100)).toEqual([]);
  });

  it('refuses a private webhook URL unless private URLs are allowed', async () => {
    const { sent, fetcher } = recorder([200]);
    const [delivery] = await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: 'http://127.0.0.1:9/hook' }, change, undefined, { fetcher, ...noWait });
    expect(sent).toHaveLength(0);
    expect(delivery.ok).toBe(false);
    expect(delivery.attempts[0].error).toContain('refused');
  });

  it('GET /api/v1/webhooks names each WEBHOOK_URLS entry that is not an http(s) URL once, and nothing is sent to it', async () => {
    const WEBHOOK_URLS = 'not a url, https://hooks.example/one\nftp://files.example/hook\nhttps://hooks.example/two https://hooks.example/three';
    const ctx = createExecutionContext();
    const response = await worker.fetch!(new Request('http://redline.test/api/v1/webhooks', { headers: auth }) as never, { ...env, WEBHOOK_URLS }, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    const status = await response.json<{ configured: number; invalid: unknown[] }>();
    expect(status.configured).toBe(3);
    expect(status.invalid).toEqual([
      { position: 1, start: 'not a url', error: 'not an http(s) URL' },
      { position: 3, start: 'ftp://files.example/…', error: 'not an http(s) URL' },
    ]);
    const { sent, fetcher } = recorder([]);
    await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS }, change, undefined, { fetcher, ...noWait });
    expect(sent.map((s) => s.url).sort()).toEqual(['https://hooks.example/one', 'https://hooks.example/three', 'https://hooks.example/two']);
  });

  it('delivers over real HTTP to a local receiver, and lists deliveries over the API', async () => {
    const receiver = await publish('/webhooks/receiver', 'ok', { headers: { 'content-type': 'text/plain' } });
    const [delivery] = await notifyWebhooks({ REDLINE: env.REDLINE, WEBHOOK_URLS: receiver, ALLOW_PRIVATE_URLS: 'true' }, change, 'http://redline.test');
    expect(delivery).toMatchObject({ ok: true, format: 'generic' });
    expect((await api('/webhooks')).status).toBe(401);
    const listed = await (await api('/webhooks', { headers: auth })).json<{ deliveries: { target: string }[] }>();
    expect(listed.deliveries.some((d) => d.target === delivery.target)).toBe(true);
    expect((await post('/webhooks/test', '')).status).toBe(200);
  });
});
