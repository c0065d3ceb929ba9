/**
 * A story cut to a fraction of its words is an anomaly at first (an error page or a teaser served
 * for a while must not publish the whole story deleted), but a cut that lasts is the page: a
 * retracted or gutted story. Before this, every later check answered the same anomaly and the
 * retraction, the edit a press critic most needs to see, was never recorded.
 */
import { describe, expect, it } from 'vitest';
import { api, cronTick, page as get, post, publish, readFeed } from '../helpers';

const PARAGRAPHS = [
  'The city council voted on Tuesday to expand the bus network across the northern districts, officials said, ending a debate that had lasted most of the year.',
  'The plan adds twelve routes and extends evening service, which residents had asked for at several public meetings in the spring and again in the autumn.',
  'Opponents argued that the cost would strain a budget already stretched by repairs to aging bridges and tunnels, and asked for a smaller first phase.',
  'A final vote on funding is expected next month, after the transit authority publishes its revised estimates and the finance committee has reviewed them.',
  'Drivers will be hired from January, the authority said today, and the very first of the new routes should open to passengers in the early spring.',
];
const RETRACTION =
  "Editor's note: This article has been retracted. It described a vote that the council had not yet held, and its figures could not be confirmed.";

const page = (paragraphs: string[], headline = 'Council expands bus network', after = '') =>
  `<!doctype html><html lang="en"><head><title>${headline}</title></head><body><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}${after}</article></body></html>`;
const MAINTENANCE = [
  'Our site is down for scheduled maintenance while we upgrade our systems. We expect to be back shortly, and we thank you for your patience while the work is done.',
];
const PAYWALL = '<div class="article-paywall"><h2>Subscribe to continue reading</h2><p>Get unlimited access for one dollar a week.</p></div>';

const HOUR = 3_600_000;
/**
 * Every 15-minute tick for three hours from `from`: an article a day old sits in the 3-hour tier,
 * whose checks fall in one tick of twelve (the slot of its id), so it is checked exactly once.
 */
async function ticksForThreeHours(from: number) {
  for (let k = 0; k < 12; k++) await cronTick(new Date(from + k * 15 * 60_000));
}
type Article = { versions: { n: number }[]; lastCheck: { outcome: string; error: string | null } | null };
const articleOf = async (id: string) => (await api(`/articles/${id}`)).json<Article>();

describe('a lasting cut', () => {
  it('is an anomaly on the check that first sees it, and a version at the first check an hour or more later', async () => {
    const path = `/metro/retracted-${Math.random()}.html`;
    const url = await publish(path, page(PARAGRAPHS));
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    const start = Date.now();
    await cronTick(new Date(start));
    expect((await articleOf(id)).versions).toHaveLength(1);

    await publish(path, page([RETRACTION]));
    // A day later every article is due again; the cut is seen for the first time.
    await cronTick(new Date(start + 24 * HOUR));
    let article = await articleOf(id);
    expect(article.versions).toHaveLength(1);
    expect(article.lastCheck?.error).toBe('extraction anomaly: text shrank from 128 to 25 words');

    // Still cut at the next check, an hour or more on: the retraction is version 2, published like any edit.
    await ticksForThreeHours(start + 25 * HOUR);
    article = await articleOf(id);
    expect(article.versions).toHaveLength(2);
    expect(article.lastCheck?.outcome).toBe('changed');
    const version = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(version.text).toBe(RETRACTION);
    const feed = await readFeed(await (await get(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toHaveLength(1);
    expect(JSON.stringify(feed.entries[0])).toContain('retracted');
  });

  it('that turns out to be a glitch stores nothing: the full story back before the hour is no change', async () => {
    const path = `/metro/glitch-${Math.random()}.html`;
    const url = await publish(path, page(PARAGRAPHS));
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    const start = Date.now();
    await cronTick(new Date(start));
    await publish(path, page([RETRACTION]));
    await cronTick(new Date(start + 24 * HOUR));
    await publish(path, page(PARAGRAPHS));
    await ticksForThreeHours(start + 25 * HOUR);
    expect((await articleOf(id)).lastCheck?.outcome).toBe('unchanged');
    await publish(path, page([RETRACTION]));
    // Seen again, but the wait started again with this check: no version yet.
    await ticksForThreeHours(start + 29 * HOUR);
    const article = await articleOf(id);
    expect(article.versions).toHaveLength(1);
    expect(article.lastCheck?.outcome).toBe('error');
  });

  it('is never stored when the page is not the story: a maintenance page, or the story behind a paywall the text does not show', async () => {
    for (const [name, cut] of [
      ['maintenance', page(MAINTENANCE, 'We’ll be right back')],
      ['paywall', page(PARAGRAPHS.slice(0, 1), 'Council expands bus network', PAYWALL)],
    ] as const) {
      const path = `/metro/${name}-${Math.random()}.html`;
      const url = await publish(path, page(PARAGRAPHS));
      const { id } = await (await post('/articles', { url })).json<{ id: string }>();
      const start = Date.now();
      await cronTick(new Date(start));
      await publish(path, cut);
      await cronTick(new Date(start + 24 * HOUR));
      await ticksForThreeHours(start + 25 * HOUR);
      const article = await articleOf(id);
      expect(article.versions, name).toHaveLength(1);
      expect(article.lastCheck?.error, name).toMatch(/^extraction anomaly: text shrank from 128 to \d+ words$/);
    }
  });
});
