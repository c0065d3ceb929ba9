/**
 * RSS, Atom and JSON Feed, global, per article and per site, read as a reader would
 * (python3-feedparser for RSS and Atom), with ?kind= and conditional GET.
 */
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, page, readFeed } from '../helpers';
import { HEADLINE, trackFoundingStory } from './story';

const conditionalGet = (path: string, headers: Record<string, string>) => SELF.fetch(`http://redline.test${path}`, { headers });

const CORRECTED = /<del>Rybakov<\/del> <ins>Ryabkov<\/ins>/g;

interface JsonFeed {
  version: string;
  title: string;
  feed_url: string;
  items: { id: string; url: string; title: string; content_html: string; date_published: string; tags: string[] }[];
}

describe('feeds', () => {
  let id: string;
  let site: string;

  beforeAll(async () => {
    const story = await trackFoundingStory('/feeds/2016/11/11/russia.html');
    id = story.id;
    site = new URL(story.url).hostname;
  });

  const feedPaths = (ext: string) => [`/feed.${ext}`, `/articles/${id}/feed.${ext}`, `/sites/${site}/feed.${ext}`];

  it('RSS and Atom, global, per article and per site, read cleanly by feedparser with one item for the change', async () => {
    const guids = new Set<string>();
    for (const [ext, type, version] of [
      ['xml', 'application/rss+xml', 'rss20'],
      ['atom', 'application/atom+xml', 'atom10'],
    ]) {
      for (const path of feedPaths(ext)) {
        const response = await page(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain(type);
        const feed = await readFeed(await response.text());
        expect(feed.bozo, `${path}: ${feed.error}`).toBe(false);
        expect(feed.version, path).toBe(version);
        const items = feed.entries.filter((e) => e.link.includes(`/articles/${id}/`));
        expect(items, path).toHaveLength(1);
        const [item] = items;
        expect(item.link).toBe(`http://redline.test/articles/${id}/diff/1/2`);
        expect(item.title).toMatch(new RegExp(`^${HEADLINE} — 3 words changed, \\d+ added \\(correction, spelling\\)$`));
        expect(item.summary.match(CORRECTED), path).toHaveLength(3);
        expect(item.id).toMatch(new RegExp(`^urn:redline:${id}:1-2:[0-9a-f]{12}$`));
        guids.add(item.id);
      }
    }
    expect(guids.size).toBe(1);
  });

  it('JSON Feed 1.1 carries the same item, with its kinds as tags', async () => {
    for (const path of feedPaths('json')) {
      const response = await page(path);
      expect(response.headers.get('content-type'), path).toContain('application/feed+json');
      const feed = await response.json<JsonFeed>();
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`http://redline.test${path}`);
      const items = feed.items.filter((item) => item.url.includes(`/articles/${id}/`));
      expect(items, path).toHaveLength(1);
      expect(items[0]).toMatchObject({ url: `http://redline.test/articles/${id}/diff/1/2`, tags: ['correction', 'spelling'] });
      expect(items[0].id).toMatch(/^urn:redline:/);
      expect(items[0].title).toContain(HEADLINE);
      expect(new Date(items[0].date_published).toISOString()).toBe(items[0].date_published);
      expect(items[0].content_html.match(CORRECTED)).toHaveLength(3);
    }
  });

  it('?kind= keeps only changes of that kind, and refuses an unknown kind', async () => {
    const ours = async (path: string) => (await page(path).then((r) => r.json<JsonFeed>())).items.filter((item) => item.url.includes(id));
    expect(await ours('/feed.json?kind=spelling')).toHaveLength(1);
    expect(await ours('/feed.json?kind=correction')).toHaveLength(1);
    expect(await ours('/feed.json?kind=rewrite')).toHaveLength(0);
    expect(await ours(`/articles/${id}/feed.json?kind=headline`)).toHaveLength(0);
    expect(await ours(`/sites/${site}/feed.json?kind=spelling`)).toHaveLength(1);
    const rss = await readFeed(await (await page('/feed.xml?kind=spelling')).text());
    expect(rss.bozo).toBe(false);
    expect(rss.entries.some((e) => e.link.includes(id))).toBe(true);
    expect((await page('/feed.xml?kind=typo')).status).toBe(400);
  });

  it('answers 304 to a reader that has the feed already, by ETag or by date', async () => {
    for (const path of [...feedPaths('xml'), ...feedPaths('atom'), ...feedPaths('json')]) {
      const first = await page(path);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      const lastModified = first.headers.get('last-modified');
      expect(etag, path).toMatch(/^W\/"[0-9a-f]+"$/);
      expect(lastModified, path).toBeTruthy();
      expect(first.headers.get('cache-control')).toContain('max-age');
      const byTag = await conditionalGet(path, { 'if-none-match': etag! });
      expect(byTag.status, path).toBe(304);
      expect(await byTag.text()).toBe('');
      expect((await conditionalGet(path, { 'if-modified-since': lastModified! })).status, path).toBe(304);
      expect((await conditionalGet(path, { 'if-none-match': 'W/"stale"' })).status, path).toBe(200);
      expect((await conditionalGet(path, { 'if-modified-since': new Date(Date.parse(lastModified!) - 60_000).toUTCString() })).status, path).toBe(200);
    }
  });

  it('a feed filtered by kind has its own ETag', async () => {
    const all = (await page('/feed.json')).headers.get('etag');
    const spelling = (await page('/feed.json?kind=spelling')).headers.get('etag');
    expect(all).not.toBe(spelling);
  });

  it('GET /api/v1/changes filters by kind and by site, and refuses an unknown kind with a JSON error', async () => {
    const list = async (query: string) =>
      (await (await api(`/changes${query}`)).json<{ changes: { id: string; kinds: string[] }[] }>()).changes.filter((c) => c.id === id);
    expect(await list('')).toHaveLength(1);
    expect((await list(''))[0].kinds).toEqual(['correction', 'spelling']);
    expect(await list('?kind=spelling')).toHaveLength(1);
    expect(await list('?kind=minor')).toHaveLength(0);
    expect(await list(`?site=${site}&kind=correction`)).toHaveLength(1);
    const bad = await api('/changes?kind=typo');
    expect(bad.status).toBe(400);
    expect((await bad.json<{ error: string }>()).error).toContain('kind must be one of');
  });

  it('an unknown article or site has no feed', async () => {
    expect((await page('/articles/0123456789abcdef/feed.atom')).status).toBe(404);
    expect((await page('/sites/not_a_host!/feed.json')).status).toBe(404);
  });
});
