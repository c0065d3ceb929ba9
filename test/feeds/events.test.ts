/**
 * Removals and returns in what readers see: a page that answers 404 twice is "removed from the
 * site" in the feeds (with a guid of its own) and in the history; its return is an event too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import { page, post, publish, readFeed } from '../helpers';

describe('removed and restored events', () => {
  let id: string;
  const path = '/events/2016/11/11/russia.html';

  beforeAll(async () => {
    const url = await publish(path, v1);
    ({ id } = await (await post('/articles', { url })).json<{ id: string }>());
    await post(`/articles/${id}/check`, '');
    await publish(path, '<h1>Not found</h1>', { status: 404 });
    await post(`/articles/${id}/check`, '');
    await post(`/articles/${id}/check`, '');
    await publish(path, v1);
    await post(`/articles/${id}/check`, '');
  });

  it('the feeds carry one item per event, each with its own guid and a link into the history', async () => {
    for (const ext of ['xml', 'atom']) {
      const feed = await readFeed(await (await page(`/articles/${id}/feed.${ext}`)).text());
      expect(feed.bozo, feed.error ?? '').toBe(false);
      const titles = feed.entries.map((e) => e.title);
      expect(
        titles.some((t) => t.endsWith('— removed from the site')),
        titles.join('\n'),
      ).toBe(true);
      expect(
        titles.some((t) => t.includes('— back on the site')),
        titles.join('\n'),
      ).toBe(true);
      const guids = feed.entries.map((e) => e.id);
      expect(new Set(guids).size).toBe(guids.length);
      for (const entry of feed.entries) expect(entry.link).toMatch(new RegExp(`/articles/${id}#change-000001-(removed|restored)-\\d+$`));
    }
  });

  it('the history shows the removal and the return in the timeline', async () => {
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain('Removed from the site');
    expect(history).toContain('Back on the site, unchanged');
    expect(history).toMatch(/id="change-000001-removed-\d+"/);
  });

  it('events are listed in the API and the site record counts them', async () => {
    const record = await (await page(`/api/v1/sites/127.0.0.1`)).json<{ events: { removed: number; restored: number } }>();
    expect(record.events.removed).toBeGreaterThanOrEqual(1);
    expect(record.events.restored).toBeGreaterThanOrEqual(1);
  });
});
