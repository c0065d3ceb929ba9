/**
 * Malformed records in KV (written by hand, by a faulty import or an older release): a change
 * with "stats": null, a version without its text, an article whose versions are not a list.
 * Pages and feeds skip them (and log it), never answer 500, and keep showing everything else.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, readFeed } from '../helpers';
import { trackFoundingStory } from '../feeds/story';

const BAD = 'badbadbadbadbad0';
const BROKEN = 'badbadbadbadbad1';
const HOST = 'broken.example';
const at = '2025-01-02T03:04:05.000Z';

async function writeStraightIntoKv() {
  const url = `https://${HOST}/story`;
  const article = {
    id: BAD,
    url,
    finalUrl: url,
    createdAt: at,
    active: true,
    deletedAt: null,
    title: 'A story stored badly',
    site: HOST,
    lastCheck: null,
    removedAt: null,
    versions: [
      { n: 1, fetchedAt: at, title: 'A story stored badly', hash: 'h1', words: 3, revertOf: null },
      { n: 2, fetchedAt: at, title: 'A story stored badly', hash: 'h2', words: 3, revertOf: null },
    ],
  };
  const change = {
    id: BAD,
    seq: '000002',
    url,
    title: 'A story stored badly',
    from: 1,
    to: 2,
    at,
    event: 'edit',
    revertOf: null,
    kinds: [],
    site: HOST,
    hash: 'h2',
    stats: null,
    diff: { changed: true, title: null, stats: null, changes: null },
  };
  const summary = { ...change, diff: undefined };
  await env.REDLINE.put(`article:${BAD}`, JSON.stringify(article), {
    metadata: { url, site: HOST, title: article.title, active: true, versions: 2, retryAt: null },
  });
  await env.REDLINE.put(
    `version:${BAD}:000001`,
    JSON.stringify({ n: 1, fetchedAt: at, title: article.title, byline: null, text: 'One two three.', hash: 'h1', url }),
  );
  await env.REDLINE.put(`version:${BAD}:000002`, JSON.stringify({ n: 2, fetchedAt: at, title: article.title, byline: null, hash: 'h2', url }));
  await env.REDLINE.put(`change:${BAD}:000002`, JSON.stringify(change));
  await env.REDLINE.put(`changes:8264043354594:${BAD}:000002`, '', { metadata: summary });
  await env.REDLINE.put(`site-changes:${HOST}:8264043354594:${BAD}:000002`, '', { metadata: summary });
  await env.REDLINE.put(
    `article:${BROKEN}`,
    JSON.stringify({ id: BROKEN, url: `https://${HOST}/other`, site: HOST, versions: null, failures: 'none', lastCheck: 7 }),
  );
}

describe('malformed records in KV', () => {
  let id: string;
  beforeAll(async () => {
    // Before anything else in this file, so the read index first meets them while backfilling.
    await writeStraightIntoKv();
    id = (await trackFoundingStory('/malformed/2016/11/11/russia.html')).id;
  });

  it('never make a page or a feed answer 500, and the rest still shows', async () => {
    for (const path of [
      '/',
      `/?site=${HOST}`,
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      `/sites/${HOST}`,
      `/sites/${HOST}/feed.xml`,
      `/articles/${BAD}`,
      `/articles/${BAD}/feed.json`,
      `/articles/${BAD}/diff/1/2`,
      `/articles/${BROKEN}`,
      `/api/v1/changes`,
      `/api/v1/sites/${HOST}`,
    ]) {
      const response = await page(path);
      expect(response.status, path).toBeLessThan(500);
      await response.arrayBuffer();
    }
    const home = await (await page('/')).text();
    expect(home).toContain(`/articles/${id}/diff/1/2`);
    expect(home).not.toContain(`/articles/${BAD}/diff/1/2`);
    for (const ext of ['xml', 'atom']) {
      const feed = await readFeed(await (await page(`/feed.${ext}`)).text());
      expect(feed.bozo).toBe(false);
      expect(feed.entries.some((e) => e.link.endsWith(`/articles/${id}/diff/1/2`))).toBe(true);
      expect(feed.entries.some((e) => e.link.includes(BAD))).toBe(false);
    }
    // The history of the badly stored article still shows what can be read.
    const history = await page(`/articles/${BAD}`);
    expect(history.status).toBe(200);
    expect(await history.text()).toContain('A story stored badly');
    // Its diff cannot be shown (the stored change is unreadable and version 2 has no text): a 404, not a 500.
    expect((await page(`/articles/${BAD}/diff/1/2`)).status).toBe(404);
  });
});
