/**
 * Data stored before the read index existed: an article, its versions and its change written to
 * KV the way earlier releases did, which the index has never seen. The first read backfills the
 * index from KV (a one-time walk); from then on reads list nothing.
 */
import { env, runDurableObjectAlarm, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { counters, installMetrics } from '../../src/metrics';
import { putArticle, putChange, putSiteArticle, putVersion, type ArticleRecord, type ChangeRecord, type VersionRecord } from '../../src/store';
import { readIndex } from '../../src/store/read-index';

const ID = '00112233445566aa';
const at1 = '2024-03-01T10:00:00.000Z';
const at2 = '2024-03-02T10:00:00.000Z';
const old = { title: 'Harbour plan approved', text: 'The council approved the harbour plan on Monday after a long debate about costs.' };
const corrected = { title: 'Harbour plan approved', text: 'The council approved the harbor plan on Tuesday after a long debate about costs.' };

function version(n: number, fetchedAt: string, v: { title: string; text: string }): VersionRecord {
  return {
    n,
    fetchedAt,
    title: v.title,
    byline: null,
    text: v.text,
    hash: `hash${n}`,
    url: 'https://legacy.example/harbour',
    publishedAt: null,
    canonicalUrl: null,
    lang: 'en',
  };
}

describe('articles stored before the read index', () => {
  it('are backfilled into the index by the first read, then read without lists', async () => {
    installMetrics({ ...env, BENCH_METRICS: 'true' });
    const record: ArticleRecord = {
      id: ID,
      url: 'https://legacy.example/harbour',
      finalUrl: 'https://legacy.example/harbour',
      createdAt: '2024-03-01T09:00:00.000Z',
      active: true,
      deletedAt: null,
      title: old.title,
      site: 'legacy.example',
      versions: [
        { n: 1, fetchedAt: at1, title: old.title, hash: 'hash1', words: 14, revertOf: null },
        { n: 2, fetchedAt: at2, title: corrected.title, hash: 'hash2', words: 14, revertOf: null },
      ],
      lastCheck: null,
      removedAt: null,
    };
    // Written as the release before the index wrote them (a change stored before kinds were recorded).
    await putVersion(env.REDLINE, ID, version(1, at1, old));
    await putVersion(env.REDLINE, ID, version(2, at2, corrected));
    const diff = diffVersions(old, corrected);
    const change: ChangeRecord = {
      id: ID,
      seq: '000002',
      url: record.url,
      title: corrected.title,
      from: 1,
      to: 2,
      at: at2,
      event: 'edit',
      revertOf: null,
      kinds: [],
      site: record.site,
      hash: 'hash2',
      stats: diff.stats,
      diff,
    };
    await putChange(env.REDLINE, change);
    await putArticle(env.REDLINE, record);
    await putSiteArticle(env.REDLINE, record);

    const first = await SELF.fetch('http://redline.test/feed.json');
    const feed = await first.json<{ items: { url: string; tags: string[]; content_html: string }[] }>();
    const item = feed.items.find((i) => i.url.endsWith(`/articles/${ID}/diff/1/2`));
    expect(item).toBeTruthy();
    expect(item!.tags).toContain('spelling');
    expect(item!.content_html).toContain('<del>harbour</del> <ins>harbor</ins>');

    const home = await (await SELF.fetch('http://redline.test/')).text();
    expect(home).toContain(`/articles/${ID}"`);
    const history = await (await SELF.fetch(`http://redline.test/articles/${ID}`)).text();
    expect(history).toContain(`/articles/${ID}/diff/1/2`);
    const siteRecord = await (await SELF.fetch('http://redline.test/api/v1/sites/legacy.example')).json<{ articlesTracked: number; changes: number }>();
    expect(siteRecord).toMatchObject({ articlesTracked: 1, changes: 1 });

    const before = counters.kvLists;
    await (await SELF.fetch('http://redline.test/feed.xml')).arrayBuffer();
    await (await SELF.fetch('http://redline.test/')).arrayBuffer();
    expect(counters.kvLists - before).toBe(0);
  });

  it('a backfill larger than one step lists 1,000 keys a call and finishes by its alarm', async () => {
    installMetrics({ ...env, BENCH_METRICS: 'true' });
    const host = 'many.example';
    for (let i = 0; i < 450; i++) {
      const id = `ab${String(i).padStart(14, '0')}`;
      const url = `https://${host}/story-${i}`;
      await putArticle(env.REDLINE, {
        id,
        url,
        finalUrl: url,
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
        active: true,
        deletedAt: null,
        title: `Story ${i}`,
        site: host,
        versions: [],
        lastCheck: null,
        removedAt: null,
      });
    }
    const before = { lists: counters.kvLists, reads: counters.kvReads };
    // What an import ends with: the index forgets and walks KV again, one bounded step now.
    await readIndex(env).rebuild();
    // 452 records take two steps: the next call (or the alarm) finishes the walk.
    while (await runDurableObjectAlarm(readIndex(env))) {}
    const done = await (await SELF.fetch(`http://redline.test/api/v1/sites/${host}`)).json<{ articlesTracked: number }>();
    expect(done.articlesTracked).toBe(450);
    // 451 articles and 1 change: a few list calls (not one per article), one get per record.
    expect(counters.kvLists - before.lists).toBeLessThanOrEqual(4);
    expect(counters.kvReads - before.reads).toBe(452);
  });
});
