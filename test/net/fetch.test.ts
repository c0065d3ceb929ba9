/**
 * The one outbound fetcher, against the real local newsroom: redirects policed hop by hop, the
 * byte cap on a 200 MB chunked body, one deadline over headers and body, content types, POST
 * redirects, credentials kept to their origin, Retry-After.
 */
import { describe, expect, inject, it } from 'vitest';
import { fetchOutbound, type OutboundRequest } from '../../src/net';
import { publish } from '../helpers';

const newsroom = inject('newsroom');
const other = inject('newsroomOther');
/** Private URLs off, only the newsroom's own origin allowed: anywhere else on loopback is refused. */
const strict = { allowPrivateUrls: false, allowedPrivateOrigins: [newsroom] };
const base: OutboundRequest = { expect: 'html', policy: strict, maxBytes: 100_000, timeoutMs: 1500 };
const html = '<html><body><p>Hello</p></body></html>';

async function floodStats(name: string): Promise<{ sent: number; finished: boolean; hungUp: boolean }> {
  // The server notices the hang-up a moment after the client; wait for it, within reason.
  for (let i = 0; i < 50; i++) {
    const stats = await (await fetch(`${newsroom}/__flood-stats?name=${name}`)).json<{ sent: number; finished: boolean; hungUp: boolean }>();
    if (stats.finished || stats.hungUp) return stats;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`flood ${name} neither finished nor was hung up on`);
}

describe('fetchOutbound', () => {
  it('follows redirects on allowed origins and reports the final URL', async () => {
    const target = await publish('/net/final', html);
    const start = await publish('/net/start', '', { status: 301, headers: { location: '/net/final' } });
    const got = await fetchOutbound(start, base);
    expect(got).toMatchObject({ ok: true, url: target, status: 200, notModified: false });
    expect(got.ok && new TextDecoder().decode(got.bytes)).toBe(html);
  });

  it('refuses a redirect into loopback, and never sends the request there', async () => {
    const trap = `${other}/__hooks/net-trap`;
    const start = await publish('/net/to-loopback', '', { status: 307, headers: { location: trap } });
    const got = await fetchOutbound(start, { ...base, method: 'POST', body: '{"secret":1}', expect: 'none' });
    expect(got).toMatchObject({ ok: false, kind: 'refused' });
    expect(!got.ok && got.message).toContain(`redirected to ${trap}`);
    expect(await (await fetch(trap)).json()).toEqual([]);
    for (const location of ['http://localhost/', 'http://[::1]/', 'http://0x7f.1/', 'http://169.254.169.254/latest/meta-data/']) {
      const hop = await publish(`/net/to-${encodeURIComponent(location)}`, '', { status: 302, headers: { location } });
      expect(await fetchOutbound(hop, base), location).toMatchObject({ ok: false, kind: 'refused' });
    }
  });

  it('stops reading a 200 MB chunked body at the cap, and the server sees the hang-up', async () => {
    const got = await fetchOutbound(`${newsroom}/__flood?name=net-html&bytes=${200 * 1024 * 1024}`, base);
    expect(got).toMatchObject({ ok: false, kind: 'too-large' });
    const stats = await floodStats('net-html');
    expect(stats.hungUp).toBe(true);
    expect(stats.sent).toBeLessThan(20 * 1024 * 1024); // the cap plus what socket buffers took
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const big = await publish('/net/big', `<p>${'x'.repeat(200_000)}</p>`);
    expect(await fetchOutbound(big, base)).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('times out on a body that trickles in, not only on slow headers', async () => {
    const started = Date.now();
    expect(await fetchOutbound(`${newsroom}/__trickle?bytes=1000&everyMs=50`, { ...base, timeoutMs: 400 })).toMatchObject({ ok: false, kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000); // it did not wait for the 50 s body (a bound, not a performance goal)
    const slow = await publish('/net/slow-headers', html, { delayMs: 2000 });
    expect(await fetchOutbound(slow, { ...base, timeoutMs: 300 })).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('refuses a content type the caller cannot read, before reading it', async () => {
    const pdf = await publish('/net/pdf', '%PDF-1.4', { headers: { 'content-type': 'application/pdf' } });
    expect(await fetchOutbound(pdf, base)).toMatchObject({ ok: false, kind: 'wrong-type', message: 'not an HTML page (application/pdf)' });
    const page = await publish('/net/page', html);
    expect(await fetchOutbound(page, { ...base, expect: 'xml' })).toMatchObject({
      ok: false,
      kind: 'wrong-type',
      message: 'not a feed or sitemap (text/html)',
    });
    expect(await fetchOutbound(page, { ...base, expect: 'json' })).toMatchObject({ ok: false, kind: 'wrong-type' });
    expect(await fetchOutbound(page, { ...base, expect: 'any' })).toMatchObject({ ok: true });
    const feed = await publish('/net/feed', '<rss/>', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    expect(await fetchOutbound(feed, { ...base, expect: 'xml' })).toMatchObject({ ok: true });
  });

  it('keeps a POST a POST: follows 307 and 308 with the body, refuses to turn it into a GET', async () => {
    const hook = `${newsroom}/__hooks/net-307`;
    const start = await publish('/net/post-307', '', { status: 307, headers: { location: hook } });
    expect(
      await fetchOutbound(start, { ...base, method: 'POST', body: '{"n":1}', headers: { 'content-type': 'application/json' }, expect: 'none' }),
    ).toMatchObject({ ok: true, status: 204 });
    expect(await (await fetch(hook)).json()).toEqual([{ contentType: 'application/json', body: { n: 1 } }]);
    const see = await publish('/net/post-303', '', { status: 303, headers: { location: hook } });
    expect(await fetchOutbound(see, { ...base, method: 'POST', body: '{"n":2}', expect: 'none' })).toMatchObject({ ok: false, kind: 'redirects' });
  });

  it('never carries credentials to another origin', async () => {
    const seen: Record<string, string | null>[] = [];
    const transport = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      seen.push({ url: String(input), authorization: headers.get('authorization') });
      return fetch(input, init);
    }) as typeof fetch;
    const elsewhere = await publish('/net/creds-target', html);
    const hop = await publish('/net/creds', '', { status: 302, headers: { location: elsewhere.replace(newsroom, other) } });
    await fetchOutbound(hop, { ...base, policy: { allowPrivateUrls: true }, headers: { authorization: 'Bearer s3cret' }, transport });
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer s3cret', null]);
  });

  it('reads Retry-After from a 429 or 503, and catches loops and long chains', async () => {
    const busy = await publish('/net/busy', 'busy', { status: 503, headers: { 'retry-after': '120' } });
    expect(await fetchOutbound(busy, base)).toMatchObject({ ok: false, kind: 'http', status: 503, retryAfterSeconds: 120 });
    const limited = await publish('/net/limited', 'slow down', { status: 429 });
    expect(await fetchOutbound(limited, base)).toMatchObject({ ok: false, kind: 'http', status: 429, retryAfterSeconds: 3600 });
    const loop = await publish('/net/loop-a', '', { status: 302, headers: { location: '/net/loop-b' } });
    await publish('/net/loop-b', '', { status: 302, headers: { location: '/net/loop-a' } });
    expect(await fetchOutbound(loop, base)).toMatchObject({ ok: false, kind: 'redirects' });
    for (let i = 0; i < 7; i++) await publish(`/net/chain-${i}`, '', { status: 302, headers: { location: `/net/chain-${i + 1}` } });
    expect(await fetchOutbound(`${newsroom}/net/chain-0`, base)).toMatchObject({ ok: false, kind: 'redirects', message: 'more than 5 redirects' });
  });

  it('answers a bad URL or a refused first hop without sending anything', async () => {
    expect(await fetchOutbound('not a url', base)).toMatchObject({ ok: false, kind: 'refused' });
    expect(await fetchOutbound(`${other}/x`, base)).toMatchObject({ ok: false, kind: 'refused' });
    expect(await fetchOutbound('ftp://example.com/x', base)).toMatchObject({ ok: false, kind: 'refused' });
  });
});
