/**
 * Query parameters the API cannot use get the same clear 400 in the API's error shape on every
 * endpoint: a parameter given twice, and a cursor that no page of this list ever issued.
 */
import { describe, expect, it } from 'vitest';
import { api, post, publish } from '../helpers';

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
