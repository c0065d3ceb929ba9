/**
 * Discovery: an RSS feed, an Atom feed and a sitemap served by the newsroom start the tracking
 * of their articles; URLs are canonicalized first (tracking parameters, fragments, a trusted
 * rel=canonical with the same text) so that one article is tracked once and two are never merged.
 */
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalizeUrl, trustedCanonical } from '../../src/net';
import { articleIdFor } from '../../src/check/hash';
import { parseSource } from '../../src/discovery';
import { checkDue } from '../../src/cron/check-due';
import { getArticle, getSource, listArticles } from '../../src/store';
import { api, auth, cronTick, post, publish } from '../helpers';
import { settings, story, track, wipe } from '../schedule/scale-helpers';

beforeEach(wipe);

const rss = (links: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Test</title>
${links.map((l, i) => `<item><title>Story ${i}</title><link>${l.replace(/&/g, '&amp;')}</link><guid isPermaLink="false">id-${i}</guid></item>`).join('\n')}
</channel></rss>`;
const atom = (links: string[]) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Daily Test</title>
<link rel="self" href="/feeds/atom.xml"/>
${links.map((l, i) => `<entry><title>Story ${i}</title><id>tag:test,2026:${i}</id><link rel="alternate" type="text/html" href="${l.replace(/&/g, '&amp;')}"/><link rel="enclosure" href="/img/${i}.jpg"/></entry>`).join('\n')}
</feed>`;
const sitemap = (links: string[]) => `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${links.map((l) => `<url><loc>${l.replace(/&/g, '&amp;')}</loc><lastmod>2026-11-10</lastmod></url>`).join('\n')}
</urlset>`;
const xml = { headers: { 'content-type': 'application/xml' } };

async function trackedUrls(): Promise<string[]> {
  return (await listArticles(env.REDLINE)).articles
    .filter((a) => a.active)
    .map((a) => a.url)
    .sort();
}

describe('discovery', () => {
  it('an RSS feed: its articles are tracked, canonicalized, once; the next tick picks up new items', async () => {
    const a = await publish('/d/rss/alpha-2026', story('Alpha'));
    const b = await publish('/d/rss/beta-2026', story('Beta'));
    const feed = await publish('/feeds/rss.xml', rss([`${a}?utm_source=rss&utm_medium=feed#top`, `${b}?fbclid=XYZ`, `${a}?utm_campaign=again`]), xml);
    const response = await post('/sources', { url: feed });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ url: feed, kind: 'rss', justTracked: 2 });
    expect(await trackedUrls()).toEqual([a, b].sort());
    expect((await post('/sources', { url: feed })).status).toBe(200);

    const c = await publish('/d/rss/gamma-2026', story('Gamma'));
    await publish('/feeds/rss.xml', rss([c, a, b]), xml);
    await cronTick();
    expect(await trackedUrls()).toEqual([a, b, c].sort());
    expect((await (await api('/sources', { headers: auth })).json<{ sources: { url: string; tracked: number }[] }>()).sources).toEqual([
      expect.objectContaining({ url: feed, kind: 'rss', tracked: 3 }),
    ]);
  });

  it('an Atom feed and a sitemap listing the same articles track each one once', async () => {
    const a = await publish('/d/atom/one-2026', story('One'));
    const b = await publish('/d/atom/two-2026', story('Two'));
    const feed = await publish('/feeds/atom.xml', atom([`${a}?utm_source=atom`, b]), xml);
    const map = await publish('/sitemap.xml', sitemap([a, `${b}#comments`, `${b}?gclid=1`]), xml);
    expect(await (await post('/sources', { url: feed })).json()).toMatchObject({ kind: 'atom', justTracked: 2 });
    expect(await (await post('/sources', { url: map })).json()).toMatchObject({ kind: 'sitemap', justTracked: 0 });
    expect(await trackedUrls()).toEqual([a, b].sort());
  });

  it('a feed served by a file server and replaced within the same second is read again, not taken as 304', async () => {
    const a = await publish('/d/same-second/alpha-2026', story('Alpha'));
    const sameSecond = new Date().toUTCString();
    const fileServer = { headers: { ...xml.headers, 'last-modified': sameSecond }, conditional: true };
    const feed = await publish('/feeds/same-second.xml', rss([a]), fileServer);
    expect(await (await post('/sources', { url: feed })).json()).toMatchObject({ justTracked: 1 });
    const b = await publish('/d/same-second/beta-2026', story('Beta'));
    await publish('/feeds/same-second.xml', rss([b, a]), fileServer);
    await cronTick();
    expect(await trackedUrls()).toEqual([a, b].sort());
  });

  it('refuses what is not a feed or sitemap', async () => {
    const notFeed = await publish('/d/not-a-feed', story('Just a page'));
    const response = await post('/sources', { url: notFeed });
    expect(response.status).toBe(400);
    expect((await post('/sources', { url: 'ftp://example.com/feed' })).status).toBe(400);
    expect((await post('/sources', { url: notFeed }, {})).status).toBe(401);
  });

  it('refuses a feed or sitemap that is not well-formed XML, cut off or unclosed, and records it when a later read finds one', async () => {
    const a = await publish('/d/broken/alpha-2026', story('Alpha'));
    for (const [name, body] of [
      ['cut off', '<rss><channel><item><link>'],
      ['unclosed root', rss([a]).replace('</rss>', '')],
      ['an item never closed', rss([a]).replace('</item>', '')],
      ['a sitemap cut off', sitemap([a]).slice(0, -'</url>\n</urlset>'.length)],
      ['two roots', `${rss([a])}<rss></rss>`],
    ]) {
      const url = await publish(`/feeds/broken-${name.replace(/ /g, '-')}.xml`, body, xml);
      const response = await post('/sources', { url });
      expect(response.status, name).toBe(400);
      expect((await response.json<{ error: string }>()).error, name).toMatch(/^cannot read .* as a feed or sitemap: not well-formed XML: /);
    }
    expect((await (await api('/sources', { headers: auth })).json<{ sources: unknown[] }>()).sources).toEqual([]);
    expect(await trackedUrls()).toEqual([]);

    // Registered while whole, then served cut off: the read records why and tracks nothing from it.
    const feed = await publish('/feeds/later-broken.xml', rss([a]), xml);
    const registered = await post('/sources', { url: feed });
    expect(registered.status).toBe(201);
    const { id } = await registered.json<{ id: string }>();
    const b = await publish('/d/broken/beta-2026', story('Beta'));
    await publish('/feeds/later-broken.xml', rss([b, a]).slice(0, rss([b, a]).indexOf('</item>')), xml);
    await cronTick();
    expect((await getSource(env.REDLINE, id))?.lastError).toBe('not well-formed XML: <item> is never closed');
    expect(await trackedUrls()).toEqual([a]);
  });

  it('still reads well-formed feeds with self-closing elements, a prolog and trailing whitespace', () => {
    const parsed = parseSource(`\uFEFF<?xml version="1.0"?>\n<!-- a comment -->\n${atom(['https://news.example/a'])}\n\n`, 'https://news.example/');
    expect(parsed).toMatchObject({ kind: 'atom', links: ['https://news.example/a'], notWellFormed: null });
    expect(parseSource('<urlset/>', 'https://news.example/')).toMatchObject({ kind: 'sitemap', links: [], notWellFormed: null });
  });
});

describe('canonicalization', () => {
  it('drops tracking parameters and fragments, sorts the rest, keeps what names an article', () => {
    const clean = (u: string) => canonicalizeUrl(new URL(u));
    expect(clean('https://news.example/a?utm_source=x&utm_medium=y&fbclid=z#frag')).toBe('https://news.example/a');
    expect(clean('https://news.example/a?id=2&page=1&gclid=q')).toBe('https://news.example/a?id=2&page=1');
    expect(clean('https://news.example/a?page=1&id=2')).toBe(clean('https://news.example/a?id=2&page=1'));
    expect(clean('https://news.example/a?id=2')).not.toBe(clean('https://news.example/a?id=3'));
  });

  it('trusts a canonical on the same site naming an article, not a home page, a section front or another site', () => {
    const page = 'https://www.news.example/2026/11/10/story-slug?ref=home';
    expect(trustedCanonical(page, 'https://news.example/2026/11/10/story-slug')).toBe('https://news.example/2026/11/10/story-slug');
    expect(trustedCanonical(page, '/2026/11/10/story-slug?utm_source=x')).toBe('https://www.news.example/2026/11/10/story-slug');
    expect(trustedCanonical(page, 'https://www.news.example/')).toBeNull();
    expect(trustedCanonical(page, '/world')).toBeNull();
    expect(trustedCanonical(page, '/news/politics/')).toBeNull();
    expect(trustedCanonical(page, 'https://other.example/2026/11/10/story-slug')).toBeNull();
    expect(trustedCanonical(page, 'javascript:alert(1)')).toBeNull();
  });

  it('a variant URL whose rel=canonical serves the same text is tracked as the canonical URL', async () => {
    const origin = new URL(await publish('/c/probe', 'x')).origin;
    const canonical = `${origin}/c/council-story-2026`;
    const page = story('Council story', '', `<link rel="canonical" href="${canonical}">`);
    await publish('/c/council-story-2026', page);
    const { id } = await track('/c/council-story-2026?ref=homepage', page);
    await cronTick();
    expect((await getArticle(env.REDLINE, id))?.active).toBe(false);
    expect(await trackedUrls()).toEqual([canonical]);
    await cronTick();
    expect((await getArticle(env.REDLINE, await articleIdFor(canonical)))?.versions).toHaveLength(1);
  });

  it('never merges two articles that declare the same canonical URL, nor trusts a section front', async () => {
    const origin = new URL(await publish('/m/probe', 'x')).origin;
    const shared = `${origin}/m/shared-story-2026`;
    await publish('/m/shared-story-2026', story('The shared story'));
    const first = await track('/m/first-2026', story('A first story', '', `<link rel="canonical" href="${shared}">`));
    const second = await track('/m/second-2026', story('A second story', 'Different words.', `<link rel="canonical" href="${shared}">`));
    const front = await track('/m/third-2026', story('A third story', 'More words.', `<link rel="canonical" href="${origin}/world">`));
    await cronTick();
    for (const { id } of [first, second, front]) expect(await getArticle(env.REDLINE, id)).toMatchObject({ active: true, versions: [expect.anything()] });
    expect(await getArticle(env.REDLINE, await articleIdFor(shared))).toBeNull();
  });

  it('parses RSS links, permalink guids, Atom alternates and sitemap locs', () => {
    expect(
      parseSource('<rss><channel><item><guid>https://n.example/a-1</guid></item><item><link> /b-2 </link></item></channel></rss>', 'https://n.example/feed'),
    ).toEqual({
      kind: 'rss',
      links: ['https://n.example/a-1', 'https://n.example/b-2'],
      notWellFormed: null,
    });
    expect(parseSource(atom(['https://n.example/x-1']), 'https://n.example/').links).toEqual(['https://n.example/x-1']);
    expect(parseSource('<sitemapindex><sitemap><loc>https://n.example/s1.xml</loc></sitemap></sitemapindex>', 'https://n.example/').kind).toBe('sitemapindex');
    expect(parseSource('<html><body>hi</body></html>', 'https://n.example/').kind).toBeNull();
  });
});

describe('Retry-After', () => {
  it('a check does not fetch a page whose site asked to wait', async () => {
    const { id, url } = await track('/wait/story-2026', story('Busy'));
    await publish('/wait/story-2026', 'slow down', { status: 429, headers: { 'retry-after': '3600' } });
    await cronTick();
    const fetched: string[] = [];
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => (fetched.push(String(input)), fetch(input, init))) as typeof fetch;
    expect(await checkDue(env, settings(), { id, every: 15, host: new URL(url).hostname }, new Date(), { fetcher })).toMatchObject({ skipped: 'waiting' });
    expect(fetched).toEqual([]);
  });
});
