/**
 * A hunk whose text is only whitespace (a sentence split into two paragraphs, the space the diff
 * moved beside an inserted "amp;") is layout, not a change a reader can see: feeds and pages mark
 * no empty <del></del> or <ins></ins> for it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { page, post, publish, readFeed } from '../helpers';

const BEFORE = [
  'The council met on Monday evening in the old town hall to vote on the budget for next year.',
  'He wrote &amp; then left the room after the vote was counted by the clerk.',
  'The senators voted late in the night. The chamber emptied quickly after the result was read.',
  'A final paragraph with enough words to make this a body of text for any reader of the page.',
];
// "&amp;amp;" shows "&amp;" on the page: the outlet's CMS escaped an ampersand twice.
const AFTER = [
  BEFORE[0],
  'He wrote &amp;amp; then left the room after the vote was counted by the clerk.',
  'The senators voted late in the night.</p><p>The room emptied quickly after the result was read.',
  BEFORE[3],
];

const story = (paragraphs: string[]) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Budget passes</title></head><body><main><article><h1>Budget passes</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;

const EMPTY_MARK = /<(del|ins)\b[^>]*>\s*(?:<br>\s*)*<\/\1>/;

describe('whitespace-only hunks beside edits', () => {
  let id: string;

  beforeAll(async () => {
    const url = await publish('/marks/budget.html', story(BEFORE));
    ({ id } = await (await post('/articles', { url })).json<{ id: string }>());
    expect((await (await post(`/articles/${id}/check`, '')).json<{ version: number }>()).version).toBe(1);
    await publish('/marks/budget.html', story(AFTER));
    expect((await (await post(`/articles/${id}/check`, '')).json<{ version: number }>()).version).toBe(2);
  });

  it('RSS and Atom items, read by a feed reader, have no empty marks and mark the inserted "amp;" once', async () => {
    for (const ext of ['xml', 'atom']) {
      const feed = await readFeed(await (await page(`/articles/${id}/feed.${ext}`)).text());
      expect(feed.bozo, `${ext}: ${feed.error}`).toBe(false);
      const [item] = feed.entries;
      expect(item.summary, ext).not.toMatch(EMPTY_MARK);
      expect(item.summary, ext).toContain('He wrote &amp;<ins>amp;</ins> then');
      expect(item.summary, ext).toContain('<del>chamber</del> <ins>room</ins>');
    }
  });

  it('the JSON Feed item and the diff page have none either', async () => {
    const json = await (await page(`/articles/${id}/feed.json`)).json<{ items: { content_html: string }[] }>();
    expect(json.items[0].content_html).not.toMatch(EMPTY_MARK);
    const diffPage = await (await page(`/articles/${id}/diff/1/2`)).text();
    const diffBody = diffPage.slice(diffPage.indexOf('<article class="diff"'));
    expect(diffBody).not.toMatch(EMPTY_MARK);
    expect(diffBody).toContain('<del>chamber</del> <ins>room</ins>');
    // Two edits to jump to ("amp;" and chamber → room); the paragraph split is not one.
    expect(diffPage).toContain('href="#edit-2"');
    expect(diffPage).not.toContain('href="#edit-3"');
    const side = await (await page(`/articles/${id}/diff/1/2?view=side`)).text();
    expect(side.slice(side.indexOf('<table class="sbs"'))).not.toMatch(EMPTY_MARK);
  });
});
