/**
 * A column of teasers beside the story (cards of a linked headline and a summary, in a grid with
 * neutral class names) is not part of the article: the body grew to their common parent, and
 * swapping one teaser published a version of the story.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { STORY } from '../fixtures/story-beside-appeal';

const TEASERS = [
  ['Council delays budget vote', "Members asked for more time to study the mayor's proposals for cutting overtime and closing two libraries."],
  ['Storm expected this weekend', 'Forecasters say up to four inches of rain could fall on the region by Sunday night, with flooding possible.'],
  ['School board picks new chief', 'The board chose a former principal from Denver after a national search that lasted nearly a year.'],
];

function page(heading: (text: string, k: number) => string) {
  const cards = TEASERS.map(([title, summary], k) => `<div class="card">${heading(title, k)}<p class="summary">${summary}</p></div>`).join('');
  return `<html><head><title>Libraries to close</title></head><body><div id="wrap"><div class="top"><a href="/">Ledger</a> | <a href="/news">News</a></div>
<div class="row"><div class="col-md-8"><h1>Libraries to close</h1><div class="txt">${STORY.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="col-md-4">${cards}</div></div><div class="foot">Contact us | Imprint</div></div></body></html>`;
}

describe('a column of teasers beside the story', () => {
  it('is left out when its headings link to other stories', () => {
    expect(extractArticle(page((title, k) => `<a href="/t/${k}"><h3>${title}</h3></a>`)).text).toBe(STORY.join('\n\n'));
    expect(extractArticle(page((title, k) => `<h3><a href="/t/${k}">${title}</a></h3>`)).text).toBe(STORY.join('\n\n'));
  });

  it('is read with the story when its headings link nowhere: sections of one article', () => {
    const text = extractArticle(page((title) => `<h3>${title}</h3>`)).text;
    expect(text).toContain(TEASERS[0][1]);
    expect(text.startsWith(STORY[0])).toBe(true);
  });
});
