/**
 * Counters are not the story: "137 shares" above an article became "274 shares" on the next serve
 * and the check published a version (a tester's finding). A line of counters only is furniture
 * wherever it sits; a sentence that mentions shares or views is text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const STORY = [
  'The city council voted on Thursday to approve a new budget after weeks of heated debate among members.',
  'Mayor Alice Brown said the budget would fund new schools, repair roads and hire more police officers.',
  'Investors sold 137 shares of the city utility on Tuesday, and the council said 1,200 views were sent in.',
];

const page = (lines: string[]) =>
  `<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1>${lines.map((l) => `<p class="meta-line">${l}</p>`).join('')}${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

describe('lines of counters', () => {
  it.each([
    ['137 shares', '274 shares'],
    ['4 min read · 137 shares', '4 min read · 274 shares'],
    ['1.2k views · 12 comments', '1.3k views · 15 comments'],
    ['12 Kommentare', '14 Kommentare'],
    ['25 partages', '31 partages'],
  ])('%s then %s: the same text, no edit', (before, after) => {
    const first = extractArticle(page([before])).text;
    expect(first).toBe(STORY.join('\n\n'));
    expect(extractArticle(page([after])).text).toBe(first);
  });

  it('a counter line between paragraphs goes too; sentences with numbers of shares stay', () => {
    const html = `<html><body><article><h1>Budget approved</h1><p>${STORY[0]}</p><p>56 comments</p><p>${STORY[1]}</p><p>${STORY[2]}</p></article></body></html>`;
    expect(extractArticle(html).text).toBe(STORY.join('\n\n'));
  });
});
