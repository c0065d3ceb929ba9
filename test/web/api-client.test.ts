/**
 * A client generated from /api/v1/openapi.json (openapi-typescript -> test/api-client/schema.d.ts,
 * kept in step with the served document by `npm run openapi:check`) and openapi-fetch, used the
 * way a client's author would, against the Worker: track, check, read, diff, untrack.
 */
import { SELF } from 'cloudflare:test';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';
import { OPERATION_IDS } from '../../src/web/openapi-client';
import type { paths } from '../api-client/schema';
import { publish, TOKEN } from '../helpers';

const client = createClient<paths>({ baseUrl: 'http://redline.test/api/v1', fetch: (request) => SELF.fetch(request) });
const auth = { authorization: `Bearer ${TOKEN}` };

describe('a client generated from the OpenAPI document', () => {
  it('tracks the founding story, checks it twice and reads the correction through typed calls', async () => {
    const url = await publish('/api-client/russia.html', v1);
    const tracked = await client.POST('/articles', { body: { url }, headers: auth });
    expect(tracked.response.status).toBe(201);
    const id = tracked.data?.id ?? '';
    expect(tracked.data?.url).toBe(url);

    const first = await client.POST('/articles/{id}/check', { params: { path: { id } }, headers: auth });
    expect(first.data).toEqual({ changed: true, version: 1, error: null });
    await publish('/api-client/russia.html', v2);
    const second = await client.POST('/articles/{id}/check', { params: { path: { id } }, headers: auth });
    expect(second.data).toEqual({ changed: true, version: 2, error: null });

    const article = await client.GET('/articles/{id}', { params: { path: { id } } });
    expect(article.data?.versions.map((v) => v.n)).toEqual([1, 2]);
    const version = await client.GET('/articles/{id}/versions/{n}', { params: { path: { id, n: '1' } } });
    expect(version.data?.text.match(/Rybakov/g)).toHaveLength(3);
    const diff = await client.GET('/articles/{id}/diff', { params: { path: { id }, query: { from: '1', to: '2' } } });
    expect(diff.data?.changes.filter((c) => c.op === 'delete').map((c) => c.text.trim())).toEqual(['Rybakov', 'Rybakov', 'Rybakov']);
    const changes = await client.GET('/changes', { params: { query: { kind: 'spelling', limit: '50' } } });
    expect(changes.data?.changes.some((c) => c.id === id && c.to === 2)).toBe(true);
    const site = await client.GET('/sites/{host}', { params: { path: { host: '127.0.0.1' } } });
    expect(site.data?.articlesChanged).toBeGreaterThanOrEqual(1);

    const untracked = await client.DELETE('/articles/{id}', { params: { path: { id } }, headers: auth });
    expect(untracked.response.status).toBe(204);
  });

  it("gets the API's errors as typed error bodies", async () => {
    const missing = await client.GET('/articles/{id}', { params: { path: { id: '0000000000000000' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toEqual({ error: 'no such article' });
    const unauthorized = await client.POST('/articles', { body: { url: 'https://example.com/story' } });
    expect(unauthorized.response.status).toBe(401);
    expect(unauthorized.error?.error).toMatch(/bearer token/);
    const badKind = await client.GET('/changes', { params: { query: { kind: 'typo' as never } } });
    expect(badKind.response.status).toBe(400);
  });

  it('every operation in the served document has a named operationId and states its security', async () => {
    const doc = await (await SELF.fetch('http://redline.test/api/v1/openapi.json')).json<{
      paths: Record<string, Record<string, { operationId: string; security: unknown[] }>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(16);
    for (const { key, op } of operations) {
      expect(op.operationId, key).toBe(OPERATION_IDS[key]);
      expect(Array.isArray(op.security), key).toBe(true);
    }
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(operations.length);
  });
});
