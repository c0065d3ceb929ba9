/**
 * Absolute links in feeds and the API document come from PUBLIC_URL when it is set, never from
 * the request's Host; without PUBLIC_URL they come from the Host, and the answer is then private
 * and varies by Host, so no shared cache keeps links a request header chose.
 */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { trackFoundingStory } from '../feeds/story';

const FEEDS = ['/feed.xml', '/feed.atom', '/feed.json'];
let articleFeeds: string[] = [];

beforeAll(async () => {
  const { id } = await trackFoundingStory('/public-origin/2016/11/11/russia.html');
  articleFeeds = [`/articles/${id}/feed.xml`, `/articles/${id}/feed.atom`, `/articles/${id}/feed.json`];
});

/** The Worker's entry with PUBLIC_URL unset. */
async function withoutPublicUrl(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(new Request(url, { headers }) as never, { ...env, PUBLIC_URL: undefined }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe('with PUBLIC_URL set (http://redline.test)', () => {
  it('feeds link to PUBLIC_URL whatever Host the request names, and may be cached by anyone', async () => {
    for (const path of [...FEEDS, ...articleFeeds]) {
      const response = await SELF.fetch(`http://attacker.example${path}`);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).not.toContain('attacker.example');
      expect(body, path).toContain('http://redline.test/');
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=60');
      const again = await SELF.fetch(`http://attacker.example${path}`, { headers: { 'if-none-match': response.headers.get('etag') ?? '' } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('cache-control'), path).toBe('public, max-age=60');
    }
  });

  it('so do the API document and the API docs page', async () => {
    const doc = await SELF.fetch('http://attacker.example/api/v1/openapi.json');
    expect((await doc.json<{ servers: { url: string }[] }>()).servers).toEqual([{ url: 'http://redline.test/api/v1' }]);
    expect(doc.headers.get('cache-control')).toBe('public, max-age=300');
    const docs = await (await SELF.fetch('http://attacker.example/api/docs')).text();
    expect(docs).not.toContain('attacker.example');
  });
});

describe('without PUBLIC_URL', () => {
  it('feeds link to the request host, privately cached and varying by Host', async () => {
    for (const path of [...FEEDS, ...articleFeeds]) {
      const response = await withoutPublicUrl(`http://mirror.example${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('http://mirror.example/');
      expect(response.headers.get('cache-control'), path).toBe('private, max-age=60');
      expect(response.headers.get('vary'), path).toMatch(/\bHost\b/);
      const again = await withoutPublicUrl(`http://mirror.example${path}`, { 'if-none-match': response.headers.get('etag') ?? '' });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('cache-control'), path).toBe('private, max-age=60');
    }
    const other = await (await withoutPublicUrl('http://other.example/feed.xml')).text();
    expect(other).not.toContain('mirror.example');
  });

  it('the API document too', async () => {
    const doc = await withoutPublicUrl('http://mirror.example/api/v1/openapi.json');
    expect((await doc.json<{ servers: { url: string }[] }>()).servers).toEqual([{ url: 'http://mirror.example/api/v1' }]);
    expect(doc.headers.get('cache-control')).toBe('private, max-age=300');
    expect(doc.headers.get('vary')).toMatch(/\bHost\b/);
  });
});
