/**
 * Sources through the API: listing them needs the token (a source URL may be a private feed with
 * its own key), DELETE stops reading one, and export and import carry them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listArticles, sourceErrors } from '../../src/store';
import { counters, installMetrics } from '../../src/metrics';
import { env } from 'cloudflare:test';
import { api, auth, cronTick, post, publish } from '../helpers';
import { countingKv, story, wipe } from '../schedule/scale-helpers';

beforeEach(wipe);

const rss = (links: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Private feed</title>${links.map((l) => `<item><link>${l}</link></item>`).join('')}</channel></rss>`;
const xml = { headers: { 'content-type': 'application/xml' } };
const tracked = async () => (await listArticles(env.REDLINE)).articles.map((a) => a.url).sort();

describe('sources', () => {
  it('are listed only with the token: a feed URL may carry its own key', async () => {
    const first = await publish('/s/private/first-2026', story('First'));
    const feed = await publish('/s/feed.xml?key=s3cret-feed-key', rss([first]), xml);
    expect((await post('/sources', { url: feed })).status).toBe(201);

    const anonymous = await api('/sources');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('s3cret');
    expect((await api('/sources', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const listed = await api('/sources', { headers: auth });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ sources: [{ id: expect.stringMatching(/^[0-9a-f]{16}$/), url: feed, kind: 'rss', tracked: 1, lastError: null }] });
  });

  it("the list says why each source's last read failed, for one KV read a source (bulk reads, 100 keys a call)", async () => {
    const first = await publish('/s/errors/first-2026', story('First'));
    const whole = await publish('/s/errors/whole.xml', rss([first]), xml);
    const broken = await publish('/s/errors/broken.xml', rss([first]), xml);
    for (const url of [whole, broken]) expect((await post('/sources', { url })).status).toBe(201);
    const second = await publish('/s/errors/second-2026', story('Second'));
    await publish('/s/errors/broken.xml', rss([second, first]).slice(0, rss([second, first]).indexOf('</item>')), xml);
    await cronTick();

    installMetrics({ ...env, BENCH_METRICS: 'true' });
    const before = { ...counters };
    const listed = await (await api('/sources', { headers: auth })).json<{ sources: { url: string; lastError: string | null }[] }>();
    expect(counters.kvReads - before.kvReads).toBe(2);
    expect(counters.kvLists - before.kvLists).toBe(0);
    expect(Object.fromEntries(listed.sources.map((s) => [s.url, s.lastError]))).toEqual({
      [whole]: null,
      [broken]: 'not well-formed XML: <item> is never closed',
    });
  });

  it('reads the errors of more than 100 sources in calls of at most 100 keys', async () => {
    const ids = Array.from({ length: 150 }, (_, k) => k.toString(16).padStart(16, '0'));
    const { kv, counts } = countingKv(env.REDLINE);
    const errors = await sourceErrors(kv, ids);
    expect(counts.get).toBe(2);
    expect([...errors.keys()]).toEqual(ids);
  });

  it('DELETE stops reading a source; the articles it tracked stay tracked', async () => {
    const first = await publish('/s/del/first-2026', story('First'));
    const feed = await publish('/s/del/feed.xml', rss([first]), xml);
    const { id } = await (await post('/sources', { url: feed })).json<{ id: string }>();
    expect(await tracked()).toEqual([first]);

    expect((await api(`/sources/${id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await api('/sources/0123456789abcdef', { method: 'DELETE', headers: auth })).status).toBe(404);
    expect((await api('/sources/..%2F..%2Farticle', { method: 'DELETE', headers: auth })).status).toBe(404);
    const deleted = await api(`/sources/${id}`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(await (await api('/sources', { headers: auth })).json()).toEqual({ sources: [] });
    expect((await api(`/sources/${id}`, { method: 'DELETE', headers: auth })).status).toBe(404);

    // The feed gains an item: with the source deleted, no tick reads it.
    const second = await publish('/s/del/second-2026', story('Second'));
    await publish('/s/del/feed.xml', rss([second, first]), xml);
    await cronTick();
    expect(await tracked()).toEqual([first]);
  });

  it('travel with the export and come back with the import', async () => {
    const first = await publish('/s/move/first-2026', story('First'));
    const feed = await publish('/s/move/feed.xml', rss([first]), xml);
    expect((await post('/sources', { url: feed })).status).toBe(201);
    const exported = await (await api('/export', { headers: auth })).text();
    const source = exported
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .find((l) => l.type === 'source');
    expect(source).toMatchObject({ type: 'source', source: { url: feed, kind: 'rss', tracked: 1, seen: [expect.stringMatching(/^[0-9a-f]{16}$/)] } });

    await wipe();
    const imported = await api('/import', { method: 'POST', body: exported, headers: auth });
    expect(await imported.json()).toMatchObject({ imported: { articles: 1, sources: 1 } });
    expect((await (await api('/sources', { headers: auth })).json<{ sources: { url: string }[] }>()).sources.map((s) => s.url)).toEqual([feed]);
    // A source in the namespace makes it not empty: a second import is refused.
    expect((await api('/import', { method: 'POST', body: exported, headers: auth })).status).toBe(409);
    expect((await api(`/export`, { headers: auth })).status).toBe(200);
  });
});
