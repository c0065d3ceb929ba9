/**
 * Stable choice through the path a user takes: a real local server serves a story beside a reader
 * appeal that scores nearly as well; the story loses one paragraph. Read on its own the new page is
 * taken from the appeal column (test/extract/body-path.test.ts shows it), and the check published
 * the whole story deleted; the Worker keeps the block version 1 was read from.
 */
import { describe, expect, it } from 'vitest';
import { STORY, STORY_CUT, storyBesideAppeal } from '../fixtures/story-beside-appeal';
import { api, cronTick, post, publish } from '../helpers';

const page = (story: string[]) => storyBesideAppeal(story);

describe('a paragraph removed does not swap the story for another block', () => {
  it('version 2 is the story without that paragraph, and its diff deletes just the paragraph', async () => {
    const url = await publish('/metro/libraries-to-close.html', page(STORY));
    const created = await post('/articles', { url });
    const { id } = await created.json<{ id: string }>();
    await cronTick();
    const first = await (await api(`/articles/${id}`)).json<{ versions: unknown[]; bodyPath?: string }>();
    expect(first.versions).toHaveLength(1);
    expect(first.bodyPath).toBe('div.w1');

    await publish('/metro/libraries-to-close.html', page(STORY_CUT));
    expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: true, version: 2, error: null });
    const version = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(version.text).toBe(STORY_CUT.join('\n\n'));
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[]; stats: { added: number; removed: number } }>();
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([{ op: 'delete', text: `${STORY[2]}\n\n` }]);
    expect(diff.stats.added).toBe(0);
  });
});
