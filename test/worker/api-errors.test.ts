/** Bad input to the API gets a clear JSON error with a 4xx status and changes nothing. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/web/app';
import { api, auth, kvSnapshot, post, publish } from '../helpers';

const json = { 'content-type': 'application/json' };

describe('API errors', () => {
  it('answers 401 to a mutation without the token or with a wrong one, and stores nothing', async () => {
    const before = await kvSnapshot();
    expect((await post('/articles', { url: 'https://example.com/a' }, {})).status).toBe(401);
    const wrong = await post('/articles', { url: 'https://example.com/a' }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toHaveProperty('error');
    expect((await api('/articles/0123456789abcdef', { method: 'DELETE' })).status).toBe(401);
    expect((await post('/articles/0123456789abcdef/check', '', {})).status).toBe(401);
    expect(await kvSnapshot()).toEqual(before);
  });

  it('answers 503 to mutations when no ADMIN_TOKEN is configured', async () => {
    const response = await app.fetch(
      new Request('http://redline.test/api/v1/articles', { method: 'POST', body: '{"url":"https://example.com/"}', headers: { ...json, ...auth } }),
      { ...env, ADMIN_TOKEN: undefined },
    );
    expect(response.status).toBe(503);
    expect((await response.json<{ error: string }>()).error).toContain('ADMIN_TOKEN');
  });

  it.each([
    ['{"url": ', 'JSON'],
    ['[1,2]', 'JSON object'],
    ['{"url": 42}', 'non-empty string'],
    ['{"url": "ftp://example.com/x"}', 'http or https'],
    ['{"url": "https://exa mple.com"}', 'not a valid URL'],
    [JSON.stringify({ url: `https://example.com/${'a'.repeat(2100)}` }), '2048'],
  ])('answers 400 to a bad body (%#)', async (body, message) => {
    const response = await post('/articles', body);
    expect(response.status).toBe(400);
    expect((await response.json<{ error: string }>()).error).toContain(message);
  });

  it('answers 400 to a private URL when private URLs are not allowed', async () => {
    const response = await app.fetch(
      new Request('http://redline.test/api/v1/articles', { method: 'POST', body: '{"url":"http://127.0.0.1:8080/"}', headers: { ...json, ...auth } }),
      { ...env, ALLOW_PRIVATE_URLS: 'false' },
    );
    expect(response.status).toBe(400);
    expect((await response.json<{ error: string }>()).error).toContain('private');
  });

  it('answers 413 to an oversized body', async () => {
    const response = await post('/articles', JSON.stringify({ url: 'https://example.com/', pad: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
  });

  it('answers 404 to unknown articles and versions, and 400 to malformed ones', async () => {
    expect((await api('/articles/0123456789abcdef')).status).toBe(404);
    expect((await api('/articles/not-an-id')).status).toBe(404);
    const url = await publish(
      '/api-errors/story',
      `<html><body><article><h1>A headline</h1>${'<p>Some words of an article that goes on for a while here.</p>'.repeat(8)}</article></body></html>`,
    );
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    expect((await post(`/articles/${id}/check`, '')).status).toBe(200);
    expect((await api(`/articles/${id}/versions/1`)).status).toBe(200);
    expect((await api(`/articles/${id}/versions/2`)).status).toBe(404);
    for (const bad of ['0', '-1', '1.5', 'abc', '01']) expect((await api(`/articles/${id}/versions/${bad}`)).status, bad).toBe(400);
    expect((await api(`/articles/${id}/diff`)).status).toBe(404);
    expect((await api(`/articles/${id}/diff?from=x&to=2`)).status).toBe(400);
    expect((await api(`/articles/${id}/diff?from=2&to=1`)).status).toBe(404);
    expect((await api('/changes?cursor=%00%01')).status).toBe(400);
    expect((await api('/changes?limit=0')).status).toBe(400);
    expect((await api('/nope')).status).toBe(404);
  });

  it('DELETE stops checking but keeps the history readable', async () => {
    const url = await publish(
      '/api-errors/deleted',
      `<html><body><article><h1>Deleted one</h1>${'<p>Words that make up a real enough article body for the floor.</p>'.repeat(8)}</article></body></html>`,
    );
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await post(`/articles/${id}/check`, '');
    expect((await api(`/articles/${id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    const record = await (await api(`/articles/${id}`)).json<{ active: boolean; versions: unknown[] }>();
    expect(record.active).toBe(false);
    expect(record.versions).toHaveLength(1);
    expect((await api(`/articles/${id}/versions/1`)).status).toBe(200);
    expect((await post(`/articles/${id}/check`, '')).status).toBe(409);
  });
});
