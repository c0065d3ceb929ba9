/** Edges of the API a tester found: JSON everywhere under /api, the bearer scheme in any case, every kind named. */
import { describe, expect, it } from 'vitest';
import { api, auth, page, TOKEN } from '../helpers';

describe('API edges', () => {
  it('an unknown path or method under /api answers a JSON 404', async () => {
    for (const [path, method] of [
      ['/nonexistent', 'GET'],
      ['/articles', 'PUT'],
    ] as const) {
      const response = await api(path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect((await response.json<{ error: string }>()).error).toContain(path);
    }
  });

  it('accepts the bearer scheme in any case (RFC 9110), and still refuses a wrong token', async () => {
    const body = JSON.stringify({ url: 'not a url' });
    const headers = { 'content-type': 'application/json' };
    expect((await api('/articles', { method: 'POST', body, headers: { ...headers, authorization: `bearer ${TOKEN}` } })).status).toBe(400);
    expect((await api('/articles', { method: 'POST', body, headers: { ...headers, authorization: `BEARER ${TOKEN}` } })).status).toBe(400);
    expect((await api('/articles', { method: 'POST', body, headers: { ...headers, authorization: 'bearer wrong' } })).status).toBe(401);
  });

  it('answers 413 at once to a declared length past the cap, without waiting for the body', async () => {
    let pulled = 0;
    // A client that declares 50 MB, sends a little, and then sends nothing more.
    const stalled = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled > 0) return new Promise<void>(() => {});
        pulled++;
        controller.enqueue(new TextEncoder().encode(`{"url": "https://example.com/${'a'.repeat(1000)}`));
      },
    });
    const response = await api('/articles', {
      method: 'POST',
      body: stalled,
      headers: { ...auth, 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'request body is larger than 16 KB' });
  });

  it("a feed's kind error names every kind, byline included", async () => {
    const response = await page('/feed.xml?kind=bogus');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('byline');
  });
});
