/**
 * Blocks the previous version held, through the path a user takes: a real local server serves a
 * story that ends with a card for a related story; the card loses its summary. Read on its own the
 * new page loses the card's headline too (test/extract/held.test.ts), and the check published the
 * headline as removed; the Worker reads the page again knowing version 1's text.
 */
import { describe, expect, it } from 'vitest';
import { CARD_HEADLINE, CARD_SUMMARY, STORY, storyWithCard } from '../fixtures/story-with-card';
import { api, cronTick, post, publish } from '../helpers';

describe('a card that loses its summary keeps its headline', () => {
  it('version 2 lacks only the summary, and its diff deletes just that', async () => {
    const url = await publish('/metro/libraries-card.html', storyWithCard());
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await cronTick();
    const first = await (await api(`/articles/${id}/versions/1`)).json<{ text: string }>();
    expect(first.text).toBe([...STORY, CARD_HEADLINE, CARD_SUMMARY].join('\n\n'));

    await publish('/metro/libraries-card.html', storyWithCard(false));
    expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: true, version: 2, error: null });
    const version = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(version.text).toBe([...STORY, CARD_HEADLINE].join('\n\n'));
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([{ op: 'delete', text: `\n\n${CARD_SUMMARY}` }]);

    // The same page again: no new version, though it reads differently on its own.
    expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: false, version: null, error: null });
  });

  it('through the cron as well: the due check reads version 1 and keeps the headline', async () => {
    const url = await publish('/metro/libraries-card-cron.html', storyWithCard());
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await cronTick();
    await publish('/metro/libraries-card-cron.html', storyWithCard(false));
    // A day later: the article still sits in the 15-minute tier version 1 placed it in, so every tick checks it.
    await cronTick(new Date(Date.now() + 86_400_000));
    const article = await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>();
    expect(article.versions).toHaveLength(2);
    const version = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(version.text).toBe([...STORY, CARD_HEADLINE].join('\n\n'));
  });
});
