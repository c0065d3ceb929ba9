/** Export streams everything; import restores it into an empty namespace; nothing is lost. */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';
import { writerFor } from '../../src/check/article-writer';
import { firstFormVersionHash } from '../../src/check/hash';
import { getArticle, getChangeToVersion, getVersion, putArticle, putChange, putVersion, type ArticleRecord } from '../../src/store';
import { api, auth, kvSnapshot, page, post, publish, wipeKv } from '../helpers';

const exportNow = async () => {
  const response = await api('/export', { headers: auth });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/x-ndjson');
  return new TextDecoder().decode(await response.arrayBuffer());
};
const body = (ndjson: string) => ndjson.split('\n').slice(1).join('\n');

describe('export and import', () => {
  it('a round trip through an empty namespace loses nothing', async () => {
    const url = await publish('/transfer/story', v1);
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await post(`/articles/${id}/check`, '');
    await publish('/transfer/story', v2);
    await post(`/articles/${id}/check`, '');
    await post('/articles', { url: await publish('/transfer/never-checked', v1) });

    const first = await exportNow();
    const lines = first
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ type: 'redline-export', version: 1 });
    expect(lines.filter((l) => l.type === 'article').length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.type === 'change' && l.change.id === id && l.change.to === 2)).toBe(true);
    expect(lines.filter((l) => l.type === 'version' && l.id === id).map((l) => l.version.n)).toEqual([1, 2]);

    // Webhook delivery logs are operational, kept 30 days and not part of an export.
    const archive = () => kvSnapshot(['webhook:']);
    const before = await archive();
    const refused = await post('/import', first);
    expect(refused.status).toBe(409);
    expect(await archive()).toEqual(before);

    await wipeKv();
    expect((await api('/articles')).status).toBe(200);
    expect((await (await api('/articles')).json<{ articles: unknown[] }>()).articles).toEqual([]);
    const imported = await post('/import', first);
    expect(imported.status).toBe(201);
    expect(body(await exportNow())).toBe(body(first));
    expect(await archive()).toEqual(before);

    const diffPage = await (await page(`/articles/${id}/diff/1/2`)).text();
    expect(diffPage.match(/<del>Rybakov<\/del> <ins>Ryabkov<\/ins>/g)).toHaveLength(3);
    // The restored article checks on as before: the same page again is no change.
    expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: false, version: null, error: null });
  });

  it('an article stored under the first form of the hash, checked again unchanged, round-trips through an empty namespace', async () => {
    await wipeKv();
    const url = await publish('/transfer/legacy', v1);
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await post(`/articles/${id}/check`, '');
    await publish('/transfer/legacy', v2);
    await post(`/articles/${id}/check`, '');
    // As a Redline from before bylines were hashed stored it: every version, its summary and the
    // change that made it under the first form (headline, blank line, text), no byline kept.
    const record = (await getArticle(env.REDLINE, id)) as ArticleRecord;
    const summaries = [];
    for (const summary of record.versions) {
      const stored = (await getVersion(env.REDLINE, id, summary.n))!;
      const hash = await firstFormVersionHash(stored.title, stored.text);
      await putVersion(env.REDLINE, id, { ...stored, byline: null, hash });
      const change = await getChangeToVersion(env.REDLINE, id, summary.n);
      if (change) await putChange(env.REDLINE, { ...change, hash });
      const { byline: _s, ...rest } = summary;
      summaries.push({ ...rest, hash });
    }
    const legacy: ArticleRecord = { ...record, versions: summaries };
    await putArticle(env.REDLINE, legacy);
    await runInDurableObject(writerFor(env, id), async (_instance, state) => {
      const writer = (await state.storage.get<{ record: ArticleRecord; latestText: string | null }>('state'))!;
      await state.storage.put('state', { ...writer, record: legacy });
    });
    const legacyHash = summaries[1].hash;

    // The same page again: no new version, and the check adopts today's hash for the same words.
    expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: false, version: null, error: null });
    const versions = (await (await api(`/articles/${id}`)).json<{ versions: { n: number; hash: string }[] }>()).versions;
    expect(versions.map((v) => v.n)).toEqual([1, 2]);
    expect(versions[1].hash).not.toBe(legacyHash);
    const version2 = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();

    const first = await exportNow();
    await wipeKv();
    const imported = await post('/import', first);
    expect(await imported.json()).toMatchObject({ imported: { articles: 1, versions: 2, changes: 1 } });
    expect(imported.status).toBe(201);
    expect(body(await exportNow())).toBe(body(first));
    // What was stored is what comes back, and the restored article checks on without a phantom version.
    expect(await (await api(`/articles/${id}/versions/2`)).json()).toEqual(version2);
    expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: false, version: null, error: null });
    const diffPage = await (await page(`/articles/${id}/diff/1/2`)).text();
    expect(diffPage.match(/<del>Rybakov<\/del> <ins>Ryabkov<\/ins>/g)).toHaveLength(3);
  });

  it('refuses a malformed import with the line at fault, and writes nothing', async () => {
    const before = await kvSnapshot();
    for (const [payload, message] of [
      ['', 'empty'],
      ['{"type":"article"}', 'starts with'],
      ['{"type":"redline-export","version":1}\n{"type":"article","article":{"id":"nope"}}', 'line 2: malformed article'],
      ['{"type":"redline-export","version":1}\nnot json', 'line 2: not JSON'],
      ['{"type":"redline-export","version":1}\n{"type":"mystery"}', 'unknown record type'],
    ]) {
      const response = await post('/import', payload);
      expect(response.status, payload).toBe(400);
      expect((await response.json<{ error: string }>()).error).toContain(message);
    }
    expect((await post('/import', '', {})).status).toBe(401);
    expect((await api('/export')).status).toBe(401);
    expect(await kvSnapshot()).toEqual(before);
  });
});
