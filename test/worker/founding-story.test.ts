/**
 * The founding story end to end: the NYT article of Nov. 10, 2016 as published (v1), re-served
 * with fresh boilerplate (v1-noise) and corrected (v2), served by a real local web server and
 * checked by the Worker's real cron, API, KV, feed and pages.
 */
import { describe, expect, it } from 'vitest';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v1Noise from '../fixtures/nyt-2016-ryabkov/v1-noise.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';
import { inject } from 'vitest';
import { api, cronTick, kvSnapshot, page, post, publish, readFeed } from '../helpers';

describe('the founding story: Rybakov corrected to Ryabkov', () => {
  let url: string;
  let id: string;

  it('tracking the story answers 201 with the record, and 200 for the same URL again', async () => {
    url = await publish('/2016/11/11/world/europe/russia-trump-campaign.html', v1);
    const created = await post('/articles', { url });
    expect(created.status).toBe(201);
    const record = await created.json<{ id: string; url: string }>();
    expect(record.url).toBe(url);
    id = record.id;
    const again = await post('/articles', { url: `${url}#comments` });
    expect(again.status).toBe(200);
    expect((await again.json<{ id: string }>()).id).toBe(id);
  });

  it('the next cron tick stores version 1', async () => {
    await cronTick();
    const record = await (await api(`/articles/${id}`)).json<{ versions: { n: number; title: string }[]; lastCheck: { outcome: string } }>();
    expect(record.versions.map((v) => v.n)).toEqual([1]);
    expect(record.versions[0].title).toBe('Russian Officials Were in Contact With Trump Allies, Diplomat Says');
    expect(record.lastCheck.outcome).toBe('new');
    const version = await (await api(`/articles/${id}/versions/1`)).json<{ text: string; byline: string }>();
    expect(version.text.match(/Rybakov/g)).toHaveLength(3);
    expect(version.text).not.toContain('Advertisement');
  });

  it('the page re-served with new ads, class hashes and timestamps makes no version and writes nothing', async () => {
    await publish('/2016/11/11/world/europe/russia-trump-campaign.html', v1Noise);
    const before = await kvSnapshot();
    await cronTick();
    const check = await post(`/articles/${id}/check`, '');
    expect(await check.json()).toEqual({ changed: false, version: null, error: null });
    expect(await kvSnapshot()).toEqual(before);
    expect((await (await api('/changes')).json<{ changes: { id: string }[] }>()).changes.filter((c) => c.id === id)).toEqual([]);
  });

  it('the corrected page makes version 2 whose diff swaps Rybakov for Ryabkov and adds the correction', async () => {
    await publish('/2016/11/11/world/europe/russia-trump-campaign.html', v2);
    const check = await post(`/articles/${id}/check`, '');
    expect(await check.json()).toEqual({ changed: true, version: 2, error: null });

    const diff = await (await api(`/articles/${id}/diff`)).json<{
      changed: boolean;
      title: unknown;
      changes: { op: string; text: string }[];
      stats: { added: number; removed: number };
    }>();
    expect(diff.changed).toBe(true);
    expect(diff.title).toBeNull();
    const deleted = diff.changes.filter((c) => c.op === 'delete').map((c) => c.text.trim());
    const inserted = diff.changes.filter((c) => c.op === 'insert').map((c) => c.text.trim());
    expect(deleted).toEqual(['Rybakov', 'Rybakov', 'Rybakov']);
    expect(inserted.filter((t) => t === 'Ryabkov')).toHaveLength(3);
    expect(inserted.some((t) => t.startsWith('Correction: November 11, 2016') && t.endsWith('He is Sergei A. Ryabkov, not Rybakov.'))).toBe(true);

    const [old, now] = await Promise.all([1, 2].map(async (n) => (await (await api(`/articles/${id}/versions/${n}`)).json<{ text: string }>()).text));
    expect(
      diff.changes
        .filter((c) => c.op !== 'insert')
        .map((c) => c.text)
        .join(''),
    ).toBe(old);
    expect(
      diff.changes
        .filter((c) => c.op !== 'delete')
        .map((c) => c.text)
        .join(''),
    ).toBe(now);
    expect(await (await api(`/articles/${id}/diff?from=1&to=2`)).json()).toEqual(diff);
  });

  it('the change is listed newest first in the API', async () => {
    const { changes } = await (await api('/changes')).json<{ changes: { id: string; from: number; to: number; url: string; stats: { removed: number } }[] }>();
    const ours = changes.filter((c) => c.id === id);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ from: 1, to: 2, url, stats: { removed: 3 } });
  });

  it('the RSS feed, read by feedparser, has one item for the change with the marked words', async () => {
    for (const path of ['/feed.xml', `/articles/${id}/feed.xml`]) {
      const response = await page(path);
      expect(response.headers.get('content-type')).toContain('application/rss+xml');
      const feed = await readFeed(await response.text());
      expect(feed.bozo, feed.error ?? '').toBe(false);
      expect(feed.version).toBe('rss20');
      const items = feed.entries.filter((e) => e.link.includes(`/articles/${id}/`));
      expect(items).toHaveLength(1);
      expect(items[0].link).toBe(`http://redline.test/articles/${id}/diff/1/2`);
      expect(items[0].title).toContain('Russian Officials Were in Contact With Trump Allies');
      expect(items[0].summary.match(/<del>Rybakov<\/del> <ins>Ryabkov<\/ins>/g)).toHaveLength(3);
      expect(items[0].summary.length).toBeLessThan(v2.length / 3);
    }
  });

  it('the configured webhook received one message for the change, with a link to the diff', async () => {
    const deadline = Date.now() + 10_000;
    let ours: { body: { text?: string; content?: string } }[] = [];
    while (Date.now() < deadline) {
      const received = await (await fetch(`${inject('newsroom')}/__hooks/all`)).json<{ body: { text?: string; content?: string } }[]>();
      ours = received.filter((hook) => JSON.stringify(hook.body).includes(`/articles/${id}/diff/1/2`));
      if (ours.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ours).toHaveLength(1);
    expect(JSON.stringify(ours[0].body)).toContain('Ryabkov');
  });

  it('the history page lists both versions and the diff page marks the correction', async () => {
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain('Russian Officials Were in Contact With Trump Allies, Diplomat Says');
    expect(history).toContain(`/articles/${id}/diff/1/2`);
    expect(history).toMatch(/3 words added, 3 removed|words added/);
    const diffPage = await page(`/articles/${id}/diff/1/2`);
    expect(diffPage.headers.get('content-security-policy')).toContain("default-src 'none'");
    const diffHtml = await diffPage.text();
    expect(diffHtml.match(/<del>Rybakov<\/del> <ins>Ryabkov<\/ins>/g)).toHaveLength(3);
    expect(diffHtml).toContain('Correction: November 11, 2016');
    const home = await (await page('/')).text();
    expect(home).toContain(`/articles/${id}/diff/1/2`);
  });
});
