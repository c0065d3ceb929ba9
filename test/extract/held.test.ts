/**
 * Blocks the previous version held (src/extract/held.ts): a check passes the text it stored last
 * time, and a block whose paragraphs were all in it stays while it is on the page unchanged. Before
 * this, a card that lost its summary was left as a linked headline and a byline, which the
 * furniture rules drop, and the diff showed the card's headline removed though nobody touched it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { CARD_HEADLINE, CARD_SUMMARY, STORY, storyWithCard } from '../fixtures/story-with-card';

const v1 = extractArticle(storyWithCard());
const knowing = (html: string, previous = v1) => extractArticle(html, undefined, { previousBodyPath: previous.bodyPath, previousText: previous.text });

describe('a block the previous version held', () => {
  it('on its own, the page without the card summary loses the card headline too: the instability this fixes', () => {
    expect(v1.text).toBe([...STORY, CARD_HEADLINE, CARD_SUMMARY].join('\n\n'));
    expect(extractArticle(storyWithCard(false)).text).toBe(STORY.join('\n\n'));
  });

  it('stays while it is on the page unchanged, so the text differs by exactly the summary', () => {
    expect(knowing(storyWithCard(false)).text).toBe([...STORY, CARD_HEADLINE].join('\n\n'));
  });

  it('is judged afresh when its words changed', () => {
    expect(knowing(storyWithCard(false, 'Hearing on the libraries runs past midnight')).text).toBe(STORY.join('\n\n'));
  });

  it('is held once: a paragraph the body already keeps does not bring a second copy in', () => {
    // A second rendering of the card's headline, links alone: the rules leave it out.
    const copy = `<div class="mobile-teaser"><a href="/metro/hearing.html">${CARD_HEADLINE}</a></div>`;
    const page = storyWithCard().replace('</article>', `${copy}</article>`);
    const first = extractArticle(page);
    expect(first.text.split('\n\n').filter((p) => p === CARD_HEADLINE)).toHaveLength(1);
    expect(knowing(page, first).text).toBe(first.text);
  });

  it('changes nothing for a page read with the same text it had', () => {
    expect(knowing(storyWithCard()).text).toBe(v1.text);
  });
});
