/** Fetching through a real local web server: every failure is classified, never thrown. */
import { describe, expect, it } from 'vitest';
import { fetchPage } from '../../src/check/fetch-page';
import { settingsFrom } from '../../src/settings';
import { publish } from '../helpers';

const settings = { ...settingsFrom({ ALLOW_PRIVATE_URLS: 'true' } as never), fetchTimeoutMs: 500, maxPageBytes: 100_000 };
const html = '<html><body><h1>Hi</h1><p>Some text.</p></body></html>';

describe('fetchPage', () => {
  it('follows redirects and records the final URL', async () => {
    const target = await publish('/fetch/final', html);
    const middle = await publish('/fetch/middle', '', { status: 301, headers: { location: '/fetch/final' } });
    const start = await publish('/fetch/start', '', { status: 302, headers: { location: middle } });
    const result = await fetchPage(start, settings);
    expect(result).toMatchObject({ ok: true, finalUrl: target, status: 200 });
    expect(result.ok && result.html).toContain('<h1>Hi</h1>');
  });

  it('catches redirect loops and too many redirects', async () => {
    const a = await publish('/fetch/loop-a', '', { status: 302, headers: { location: '/fetch/loop-b' } });
    await publish('/fetch/loop-b', '', { status: 302, headers: { location: '/fetch/loop-a' } });
    expect(await fetchPage(a, settings)).toMatchObject({ ok: false, kind: 'redirects' });
    for (let i = 0; i < 7; i++) await publish(`/fetch/chain-${i}`, '', { status: 302, headers: { location: `/fetch/chain-${i + 1}` } });
    expect(await fetchPage(a.replace('loop-a', 'chain-0'), settings)).toMatchObject({ ok: false, kind: 'redirects' });
  });

  it('refuses a redirect into a private network when private URLs are not allowed', async () => {
    const strict = { ...settings, allowPrivateUrls: false };
    const fakePublic = async () => new Response('', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    expect(await fetchPage('https://news.example/a', strict, fakePublic as typeof fetch)).toMatchObject({ ok: false, kind: 'refused' });
  });

  it('classifies HTTP errors, non-HTML, oversized pages and timeouts', async () => {
    expect(await fetchPage(await publish('/fetch/gone', 'gone', { status: 410 }), settings)).toMatchObject({ ok: false, kind: 'http', status: 410 });
    expect(await fetchPage(await publish('/fetch/broken', 'oops', { status: 503 }), settings)).toMatchObject({ ok: false, kind: 'http', status: 503 });
    expect(await fetchPage(await publish('/fetch/pdf', '%PDF-1.4', { headers: { 'content-type': 'application/pdf' } }), settings)).toMatchObject({
      ok: false,
      kind: 'not-html',
    });
    expect(await fetchPage(await publish('/fetch/huge', `<p>${'x'.repeat(200_000)}</p>`), settings)).toMatchObject({ ok: false, kind: 'too-large' });
    expect(await fetchPage(await publish('/fetch/slow', html, { delayMs: 2_000 }), settings)).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('reports an unreachable host as a network error', async () => {
    expect(await fetchPage('http://127.0.0.1:1/nothing-listens-here', settings)).toMatchObject({ ok: false, kind: 'network' });
  });

  it('decodes a windows-1252 page by its header', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<p>Pe'), 0xf1, ...new TextEncoder().encode('a Nieto</p>')]);
    const result = await fetchPage(await publish('/fetch/latin', bytes, { headers: { 'content-type': 'text/html; charset=windows-1252' } }), settings);
    expect(result.ok && result.html).toContain('Peña Nieto');
  });
});
