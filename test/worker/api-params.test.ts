/**
 * Query parameters the API cannot use get the same clear 400 in the API's error shape on every
 * endpoint: a parameter given twice, and a cursor that no page of this list ever issued.
 */
import { describe, expect, it } from 'vitest';
import { api, page, post, publish } from '../helpers';

async function error(path: string) {
  const response = await api(path);
  const body = await response.json<{ error?: string }>();
  return { status: response.status, body };
}

describe('API query parameters', () => {
  it('answers 400 naming a query parameter that is given more than once', async () => {
    const url = await publish(
      '/api-params/story',
      `<html><body><article><h1>A headline</h1>${'<p>Some words of an article that goes on for a while here.</p>'.repeat(8)}</article></body></html>`,
    );
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    for (const path of [
      `/articles/${id}/diff?from=1&from=2`,
      `/articles/${id}/diff?to=1&to=2`,
      '/changes?limit=5&limit=6',
      '/changes?kind=spelling&kind=headline',
      '/changes?site=a.example&site=b.example',
      '/articles?limit=1&limit=2',
      '/articles?cursor=a&cursor=b',
    ]) {
      const { status, body } = await error(path);
      expect(status, path).toBe(400);
      const name = new URL(path, 'http://x').searchParams.keys().next().value;
      expect(body, path).toEqual({ error: `${name} is given more than once: give each query parameter once` });
    }
  });

  it('answers the same 400 to a cursor no page issued, on every paginated endpoint', async () => {
    for (const cursor of ['abc', 'bm90LWEta2V5', 'zzzz', '%00%01', 'a'.repeat(1100)]) {
      for (const list of ['/articles', '/changes', '/changes?kind=spelling', '/changes?site=example.com']) {
        const path = `${list}${list.includes('?') ? '&' : '?'}cursor=${cursor}`;
        const { status, body } = await error(path);
        expect(status, path).toBe(400);
        expect(body, path).toEqual({ error: 'cursor is not valid: pass the cursor of the previous page as it was given' });
      }
    }
  });

  it('still follows the cursors it gives out, to the end of the list', async () => {
    for (let k = 0; k < 3; k++) {
      const url = await publish(`/api-params/page-${k}`, `<html><body><article><h1>Page ${k}</h1><p>Words.</p></article></body></html>`);
      expect((await post('/articles', { url })).status).toBeLessThan(300);
    }
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const response = await api(`/articles?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      const page = await response.json<{ articles: { id: string }[]; cursor: string | null }>();
      for (const a of page.articles) seen.add(a.id);
      cursor = page.cursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe('?kind= on feeds, the API and the home page', () => {
  const KINDS = 'spelling, correction, headline, byline, addition, removal, rewrite, minor';
  it('an unknown kind is a 400 that names it, given alone or beside a known one, on every feed and /api/v1/changes', async () => {
    const url = await publish(
      '/api-params/kind-story',
      `<html><body><article><h1>A headline</h1>${'<p>Some words of an article that goes on for a while here.</p>'.repeat(8)}</article></body></html>`,
    );
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    const site = new URL(url).host.replace(/:\d+$/, '');
    const feeds = ['xml', 'atom', 'json'].flatMap((ext) => [`/feed.${ext}`, `/sites/${site}/feed.${ext}`, `/articles/${id}/feed.${ext}`]);
    for (const query of ['kind=bogus', 'kind=spelling&kind=bogus', 'kind=bogus&kind=spelling']) {
      for (const feed of feeds) {
        const response = await page(`${feed}?${query}`);
        expect(response.status, `${feed}?${query}`).toBe(400);
        expect(await response.text(), `${feed}?${query}`).toBe(`unknown kind "bogus": kind must be one of ${KINDS}`);
      }
      const { status, body } = await error(`/changes?${query}`);
      expect(status, query).toBe(400);
      expect(body, query).toEqual({ error: `unknown kind "bogus": kind must be one of ${KINDS}` });
      const home = await page(`/?${query}`);
      expect(home.status, query).toBe(400);
      expect(await home.text(), query).toContain('unknown kind &quot;bogus&quot;');
    }
    // Two known kinds: the same 400 as any repeated parameter; one known kind filters as before.
    for (const feed of feeds) {
      const response = await page(`${feed}?kind=spelling&kind=headline`);
      expect(response.status, feed).toBe(400);
      expect(await response.text(), feed).toBe('kind is given more than once: give each query parameter once');
      expect((await page(`${feed}?kind=spelling`)).status, feed).toBe(200);
    }
  });
});
