/**
 * Stable choice through the path a user takes: a real local server serves a story beside a reader
 * appeal that scores nearly as well; the story loses one paragraph. Read on its own the new page is
 * taken from the appeal column (test/extract/body-path.test.ts shows it), and the check published
 * the whole story deleted; the Worker keeps the block version 1 was read from.
 */
import { describe, expect, it } from 'vitest';
import { api, cronTick, post, publish } from '../helpers';

const STORY = [
  'The city council voted on Tuesday to close two branch libraries, a decision that drew hundreds of residents, parents and pupils to a hearing that ran past midnight, as speakers lined up.',
  'Council members said the closures would save about four million dollars a year, money they plan to spend on longer hours, new books and staff at the central library downtown, they said.',
  'The two branches, both built in the 1950s, need new roofs and heating that the city says it cannot afford, and their visits have fallen by half since 2015.',
  'A final vote is set for March.',
];
const APPEAL = [
  'Our newsroom is supported by readers like you, and every contribution, large or small, helps us keep reporting on the council, the schools, the courts and the parks.',
  'Send tips to the metro desk by email, by phone, or by post, and we will read every one of them, follow up on those we can, and protect anyone who asks us to.',
];
const paragraphs = (texts: string[]) => texts.map((t) => `<p>${t}</p>`).join('');
const page = (story: string[]) =>
  `<html><head><title>Libraries to close</title></head><body><div class="w1"><div class="a1"><h1>Libraries to close</h1>${paragraphs(story)}</div></div><div class="w2"><div class="b2">${paragraphs(APPEAL)}</div></div></body></html>`;

describe('a paragraph removed does not swap the story for another block', () => {
  it('version 2 is the story without that paragraph, and its diff deletes just the paragraph', async () => {
    const url = await publish('/metro/libraries-to-close.html', page(STORY));
    const created = await post('/articles', { url });
    const { id } = await created.json<{ id: string }>();
    await cronTick();
    const first = await (await api(`/articles/${id}`)).json<{ versions: unknown[]; bodyPath?: string }>();
    expect(first.versions).toHaveLength(1);
    expect(first.bodyPath).toBe('div.w1');

    await publish('/metro/libraries-to-close.html', page([STORY[0], STORY[1], STORY[3]]));
    expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: true, version: 2, error: null });
    const version = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(version.text).toBe([STORY[0], STORY[1], STORY[3]].join('\n\n'));
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[]; stats: { added: number; removed: number } }>();
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([{ op: 'delete', text: `${STORY[2]}\n\n` }]);
    expect(diff.stats.added).toBe(0);
  });
});
