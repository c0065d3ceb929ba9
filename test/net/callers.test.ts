/**
 * Every caller of the outbound fetcher, through the Worker's own entry points, with the URL
 * policy on (ALLOW_PRIVATE_URLS=false) and only the local newsroom's origin allowed
 * (ALLOW_PRIVATE_ORIGINS): a redirect into loopback (the same newsroom on another port) is
 * refused and sends nothing there, and a 200 MB chunked body stops at the cap.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import worker from '../../src/index';
import { getArticle, getSource } from '../../src/store';
import { trackFoundingStory } from '../feeds/story';
import { auth, post, publish } from '../helpers';

const newsroom = inject('newsroom');
const other = inject('newsroomOther');
const FLOOD_BYTES = 200 * 1024 * 1024;
/** What the cap (MAX_PAGE_BYTES, 5 MB by default) plus socket buffers may let through; far below 200 MB. */
const READ_AT_MOST = 20 * 1024 * 1024;

/**
 * The policy on, the newsroom's own origin allowed: the rest of loopback is refused. Without the
 * CHECK_RUNNER and SOURCE_READER bindings a scheduled check or source read runs in this invocation,
 * with these settings (a runner or reader object would read the pool's bindings, where private URLs
 * are allowed).
 */
const strict = { ...env, ALLOW_PRIVATE_URLS: 'false', ALLOW_PRIVATE_ORIGINS: newsroom, CHECK_RUNNER: undefined, SOURCE_READER: undefined };

async function strictFetch(path: string, init: RequestInit = {}, extra: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(new Request(`http://redline.test/api/v1${path}`, init) as never, { ...strict, ...extra }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function strictTick(extra: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: '*/15 * * * *' }), { ...strict, ...extra }, ctx);
  await waitOnExecutionContext(ctx);
}

const trapLog = async (name: string) => (await fetch(`${newsroom}/__trap-log/${name}`)).json<{ method: string }[]>();

async function floodStats(name: string): Promise<{ sent: number; finished: boolean; hungUp: boolean }> {
  for (let i = 0; i < 50; i++) {
    const stats = await (await fetch(`${newsroom}/__flood-stats?name=${name}`)).json<{ sent: number; finished: boolean; hungUp: boolean } | null>();
    if (stats && (stats.finished || stats.hungUp)) return stats;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`flood ${name} neither finished nor was hung up on`);
}

const article = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${'The council met on Tuesday and voted on the budget for the coming year. '.repeat(6)}</p></article></body></html>`;

async function track(url: string): Promise<string> {
  const response = await post('/articles', { url });
  expect(response.status).toBe(201);
  return (await response.json<{ id: string }>()).id;
}

describe('page checks', () => {
  it('refuse a redirect into loopback and fetch nothing there', async () => {
    const url = await publish('/callers/page-to-loopback', '', { status: 302, headers: { location: `${other}/__trap/page` } });
    const id = await track(url);
    const result = await (await strictFetch(`/articles/${id}/check`, { method: 'POST', headers: auth })).json<{ error: string }>();
    expect(result.error).toContain(`redirected to ${other}/__trap/page`);
    expect(await trapLog('page')).toEqual([]);
    expect((await getArticle(env.REDLINE, id))?.lastCheck).toMatchObject({ outcome: 'error', errorKind: 'refused' });
  });

  it('stop reading a 200 MB chunked page at the cap', async () => {
    const id = await track(`${newsroom}/__flood?name=page&bytes=${FLOOD_BYTES}`);
    const result = await (await strictFetch(`/articles/${id}/check`, { method: 'POST', headers: auth })).json<{ error: string }>();
    expect(result.error).toContain('larger than');
    const stats = await floodStats('page');
    expect(stats.hungUp).toBe(true);
    expect(stats.sent).toBeLessThan(READ_AT_MOST);
  });
});

describe('canonical probes (the first check of an article that names another URL as canonical)', () => {
  const naming = (canonical: string) => article('Budget vote').replace('</head>', `<link rel="canonical" href="${canonical}"></head>`);

  it('refuse a canonical URL that redirects into loopback, and keep the tracked URL', async () => {
    const canonical = await publish('/callers/canonical-2026-budget', '', { status: 301, headers: { location: `${other}/__trap/canonical` } });
    const id = await track(await publish('/callers/budget-vote-2026?ref=home', naming(canonical)));
    await strictTick();
    expect(await trapLog('canonical')).toEqual([]);
    expect((await getArticle(env.REDLINE, id))?.versions).toHaveLength(1);
  });

  it('stop reading a 200 MB canonical page at the cap', async () => {
    const id = await track(await publish('/callers/budget-vote-2026?ref=flood', naming(`${newsroom}/__flood?name=canonical&bytes=${FLOOD_BYTES}`)));
    await strictTick();
    const stats = await floodStats('canonical');
    expect(stats.hungUp).toBe(true);
    expect(stats.sent).toBeLessThan(READ_AT_MOST);
    expect((await getArticle(env.REDLINE, id))?.versions).toHaveLength(1);
  });
});

describe('feeds and sitemaps', () => {
  const rss = (link: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>A</title><link>${link}</link></item></channel></rss>`;
  const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };

  it('refuse a feed that redirects into loopback, when registered and when read by the cron', async () => {
    const url = await publish('/callers/feed-to-loopback.xml', '', { status: 302, headers: { location: `${other}/__trap/feed` } });
    const registered = await strictFetch('/sources', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    expect(registered.status).toBe(400);
    expect((await registered.json<{ error: string }>()).error).toContain(`redirected to ${other}/__trap/feed`);

    const later = await publish('/callers/feed-later.xml', rss(await publish('/callers/feed-article', article('From the feed'))), { headers: xml });
    const source = await (await post('/sources', { url: later })).json<{ id: string }>();
    await publish('/callers/feed-later.xml', '', { status: 307, headers: { location: `${other}/__trap/feed` } });
    await strictTick();
    expect((await getSource(env.REDLINE, source.id))?.lastError).toContain(`redirected to ${other}/__trap/feed`);
    expect(await trapLog('feed')).toEqual([]);
  });

  it('stop reading a 200 MB chunked feed at the cap', async () => {
    const url = `${newsroom}/__flood?name=feed&bytes=${FLOOD_BYTES}&type=application%2Frss%2Bxml`;
    const registered = await strictFetch('/sources', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    expect(registered.status).toBe(400);
    expect((await registered.json<{ error: string }>()).error).toContain('larger than');
    const stats = await floodStats('feed');
    expect(stats.hungUp).toBe(true);
    expect(stats.sent).toBeLessThan(READ_AT_MOST);
  });
});

describe('webhooks', () => {
  beforeAll(async () => {
    await trackFoundingStory('/callers/webhooks/2016/11/11/russia.html');
  });

  it('refuse a 307 into loopback: the POST body never gets there', async () => {
    const hook = await publish('/callers/hook-to-loopback', '', { status: 307, headers: { location: `${other}/__trap/hook` } });
    const sent = await strictFetch('/webhooks/test', { method: 'POST', headers: auth }, { WEBHOOK_URLS: hook });
    const { deliveries } = await sent.json<{ deliveries: { ok: boolean; attempts: { error: string }[] }[] }>();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].ok).toBe(false);
    expect(deliveries[0].attempts).toHaveLength(1); // a refused redirect is not retried
    expect(deliveries[0].attempts[0].error).toContain(`redirected to ${other}/__trap/hook`);
    expect(await trapLog('hook')).toEqual([]);
  });

  it('read nothing of a 200 MB chunked answer', async () => {
    const sent = await strictFetch('/webhooks/test', { method: 'POST', headers: auth }, { WEBHOOK_URLS: `${newsroom}/__flood?name=hook&bytes=${FLOOD_BYTES}` });
    const { deliveries } = await sent.json<{ deliveries: { ok: boolean }[] }>();
    expect(deliveries.map((d) => d.ok)).toEqual([true]);
    const stats = await floodStats('hook');
    expect(stats.hungUp).toBe(true);
    expect(stats.sent).toBeLessThan(READ_AT_MOST);
  });
});
