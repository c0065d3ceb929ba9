/** The per-outlet record over the API, and the OpenAPI document that describes the whole API. */
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, page, TOKEN } from '../helpers';
import { MAX_FAILURES } from '../../src/web/auth-guard';
import { ArticleListSchema, ArticleSchema, ChangeListSchema, DiffSchema, SiteRecordSchema, VersionSchema } from '../../src/web/openapi-schemas';
import { trackFoundingStory } from '../feeds/story';

interface OpenApi {
  openapi: string;
  servers: { url: string }[];
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { name: string; in: string }[]; security?: unknown[]; responses: Record<string, { headers?: Record<string, { schema?: unknown }> }> }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

describe('the reader API', () => {
  let id: string;
  let site: string;

  beforeAll(async () => {
    const story = await trackFoundingStory('/api-reader/2016/11/11/russia.html');
    id = story.id;
    site = new URL(story.url).hostname;
  });

  it("GET /api/v1/sites/:host answers the outlet's record", async () => {
    const response = await api(`/sites/${site}`);
    expect(response.status).toBe(200);
    const record = await response.json<Record<string, unknown> & { changesByKind: Record<string, number> }>();
    expect(record).toMatchObject({ site, substantiveEdits: expect.any(Number), silentEdits: expect.any(Number) });
    expect(record.articlesTracked).toBeGreaterThanOrEqual(1);
    expect(record.articlesChanged).toBeGreaterThanOrEqual(1);
    expect(record.changesByKind.spelling).toBeGreaterThanOrEqual(1);
    expect(record.changesByKind.correction).toBeGreaterThanOrEqual(1);
    expect(Object.keys(record.changesByKind).sort()).toEqual(['addition', 'byline', 'correction', 'headline', 'minor', 'removal', 'rewrite', 'spelling']);
    expect(typeof record.medianSecondsToFirstChange).toBe('number');
    expect((await api('/sites/nothing-tracked.example')).status).toBe(404);
  });

  it('the OpenAPI 3.1 document describes every call, its parameters and its errors', async () => {
    const response = await api('/openapi.json');
    expect(response.status).toBe(200);
    const doc = await response.json<OpenApi>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('http://redline.test/api/v1');
    for (const [path, method] of [
      ['/articles', 'post'],
      ['/articles', 'get'],
      ['/articles/{id}', 'get'],
      ['/articles/{id}', 'delete'],
      ['/articles/{id}/check', 'post'],
      ['/articles/{id}/versions/{n}', 'get'],
      ['/articles/{id}/diff', 'get'],
      ['/changes', 'get'],
      ['/sites/{host}', 'get'],
      ['/export', 'get'],
      ['/import', 'post'],
      ['/sources', 'post'],
      ['/sources', 'get'],
      ['/sources/{id}', 'delete'],
      ['/webhooks', 'get'],
    ])
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(doc.paths['/sources'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/sources/{id}'].delete.responses).toHaveProperty('204');
    expect(doc.paths['/changes'].get.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['kind', 'cursor', 'limit', 'site']));
    expect(doc.paths['/articles'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/articles'].post.responses).toHaveProperty('400');
    expect(doc.components.schemas).toHaveProperty('Diff');
    expect(doc.components.schemas).toHaveProperty('ChangeKind');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });

  it('every call that needs the token documents the 429 with Retry-After that a client refused for wrong tokens gets', async () => {
    const doc = await (await api('/openapi.json')).json<OpenApi>();
    const guarded = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.security?.length)
        .map(([method, op]) => ({ method, path, op })),
    );
    expect(guarded.length).toBeGreaterThanOrEqual(11);
    for (const { method, path, op } of guarded) {
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '429', '503']));
      expect(op.responses['429'].headers?.['Retry-After']?.schema, `${method} ${path}`).toBeDefined();
    }
    // What the guard answers, on every one of them, once this address has sent too many wrong tokens.
    const from = (token: string, method = 'get', path = '/webhooks') =>
      SELF.fetch(`http://redline.test/api/v1${path.replace('{id}', id).replace('{n}', '1')}`, {
        method: method.toUpperCase(),
        headers: { 'cf-connecting-ip': '192.0.2.44', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: method === 'get' || method === 'delete' ? undefined : '{}',
      });
    for (let k = 0; k < MAX_FAILURES; k++) expect((await from(`guess-${k}`)).status).toBe(401);
    for (const { method, path } of guarded) {
      const refused = await from(TOKEN, method, path);
      expect(refused.status, `${method} ${path}`).toBe(429);
      expect(Number(refused.headers.get('retry-after')), `${method} ${path}`).toBeGreaterThan(0);
      expect((await refused.json<{ error: string }>()).error).toContain('too many wrong tokens');
    }
  });

  it("the document's calls work as described: a client built from it reads the change", async () => {
    const doc = await (await api('/openapi.json')).json<OpenApi>();
    const base = doc.servers[0].url.replace('http://redline.test/api/v1', '');
    const changes = await (await api(`${base}/changes?kind=spelling&limit=5`)).json<{ changes: { id: string; from: number; to: number }[] }>();
    const ours = changes.changes.find((c) => c.id === id)!;
    const diff = await (await api(`/articles/${ours.id}/diff?from=${ours.from}&to=${ours.to}`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op === 'delete').map((c) => c.text)).toEqual(['Rybakov', 'Rybakov', 'Rybakov']);
  });

  it('every GET call in the document answers as documented, with the example parameters filled in', async () => {
    const doc = await (await api('/openapi.json')).json<OpenApi>();
    const headers = { authorization: 'Bearer test-token' };
    for (const [template, methods] of Object.entries(doc.paths)) {
      if (!methods.get) continue;
      const path = template.replace('{id}', id).replace('{n}', '1').replace('{host}', site);
      const response = await api(path, { headers });
      expect(Object.keys(methods.get.responses), `GET ${path}`).toContain(String(response.status));
      expect(response.status, `GET ${path}`).toBe(200);
      await response.arrayBuffer();
    }
  });

  it('answers match the schemas the document publishes', async () => {
    const get = async (path: string) => (await api(path)).json();
    ArticleSchema.parse(await get(`/articles/${id}`));
    ArticleListSchema.parse(await get('/articles'));
    VersionSchema.parse(await get(`/articles/${id}/versions/2`));
    DiffSchema.parse(await get(`/articles/${id}/diff`));
    ChangeListSchema.parse(await get('/changes?kind=spelling'));
    SiteRecordSchema.parse(await get(`/sites/${site}`));
  });

  it('the API docs page lists the calls from the document', async () => {
    const docs = await (await page('/api/docs')).text();
    expect(docs).toContain('/api/v1/openapi.json');
    expect(docs).toContain('GET /changes');
    expect(docs).toContain('GET /sites/{host}');
  });
});
