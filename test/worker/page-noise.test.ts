/**
 * Page noise is no edit, through the path a user takes (issue 11: "every edit a reader would see,
 * and nothing else"). A real local server serves a story; the next serve adds what sites insert
 * and rotate between paragraphs (a teaser, a native ad), or changes what it rendered (a live
 * entry's "3 minutes ago", a poll's or a counter's numbers). The check stores no version and the
 * article's feed, read by a feed parser, stays empty; an editor's change afterwards is version 2
 * and its diff shows that change alone.
 */
import { describe, expect, it } from 'vitest';
import { api, page, post, publish, readFeed } from '../helpers';

const STORY = [
  'The city council voted on Wednesday night to approve a harbour budget of 42 million dollars, after a debate that lasted more than six hours.',
  'Council member Dana Ortiz, who led the opposition, said the plan would raise ferry fares for commuters who can least afford it.',
  'Supporters argued that the harbour walls are crumbling and that repairs cannot wait another winter, the city engineer told the council.',
];

/** The story, with `insert` between its first and second paragraphs. */
function story(insert = '', paragraphs = STORY) {
  return `<!doctype html><html lang="en"><head><title>Harbour budget approved - The Daily Test</title></head>
<body><nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article><h1>Harbour budget approved</h1><div class="story-body"><p>${paragraphs[0]}</p>${insert}${paragraphs
    .slice(1)
    .map((p) => `<p>${p}</p>`)
    .join('')}</div></article>
<footer>© The Daily Test</footer></body></html>`;
}

type CheckAnswer = { changed: boolean; version: number | null; error: string | null };
const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json<CheckAnswer>();
const feedOf = async (id: string) => readFeed(await (await page(`/articles/${id}/feed.xml`)).text());

describe('page noise between paragraphs is no edit', () => {
  it.each([
    ['a "Read more:" teaser', '', '<p><strong>Read more:</strong> <a href="/z">Ferry operator warns of strike over Easter weekend</a></p>'],
    ['a "Lesen Sie auch:" teaser', '', '<p>Lesen Sie auch: <a href="/x">Neue Fähre für den Hafen</a></p>'],
    ['a linked "READ MORE:" paragraph', '', '<p><a href="/z">READ MORE: Ferry operator warns of strike over Easter weekend</a></p>'],
    [
      'a native ad under its label',
      '',
      '<div class="css-x1y2z3"><span>Advertisement</span><p>Holiday homes on the coast from 49 euros a night. Book now and save on your summer break.</p></div>',
    ],
    [
      'a reader poll recounted',
      '<div class="embed-widget"><p>Should the council raise ferry fares?</p><ul><li>Yes 54%</li><li>No 46%</li></ul><p>1,203 votes</p></div>',
      '<div class="embed-widget"><p>Should the council raise ferry fares?</p><ul><li>Yes 51%</li><li>No 49%</li></ul><p>1,388 votes</p></div>',
    ],
    ['an age banner appearing', '', '<p>This article is more than 5 years old</p>'],
    ['a comment counter ticking', '<p>评论 (123)</p>', '<p>评论 (187)</p>'],
    ["a live entry's relative time ticking", '<p><strong>3 minutes ago</strong></p>', '<p><strong>9 minutes ago</strong></p>'],
  ])('%s: no version, an empty feed; a real edit after it shows alone', async (_name, before, insert) => {
    const path = `/noise/story-${Math.random()}.html`;
    const url = await publish(path, story(before));
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    expect(await check(id)).toEqual({ changed: true, version: 1, error: null });

    await publish(path, story(insert));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect((await feedOf(id)).entries).toHaveLength(0);

    const edited = [STORY[0].replace('42 million', '44 million'), ...STORY.slice(1)];
    await publish(path, story(insert, edited));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([
      { op: 'delete', text: '42' },
      { op: 'insert', text: '44' },
    ]);
    expect((await feedOf(id)).entries).toHaveLength(1);
  });
});

describe('a rendering mark beside an edit', () => {
  it('a ZWNJ added beside "42" -> "44" is no edit of its own: the diff and the feed show the edit alone', async () => {
    const path = `/noise/zwnj-${Math.random()}.html`;
    const url = await publish(path, story());
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    expect(await check(id)).toEqual({ changed: true, version: 1, error: null });

    const edited = [STORY[0].replace('42 million', '44 million'), ...STORY.slice(1)];
    await publish(path, story('', [edited[0].replace('six hours', 'six\u200C hours'), ...edited.slice(1)]));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ stats: unknown; changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([
      { op: 'delete', text: '42' },
      { op: 'insert', text: '44' },
    ]);
    expect(diff.stats).toEqual({ added: 1, removed: 1 });
    const version = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(version.text).toBe(edited.join('\n\n'));
    const feed = await feedOf(id);
    expect(feed.entries).toHaveLength(1);
  });
});
