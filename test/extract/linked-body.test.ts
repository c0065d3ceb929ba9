import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const STORY = [
  'The harbor council met on Tuesday and approved the budget, after a long debate that ran past midnight.',
  'Members argued over the dredging contract, which had been delayed twice since the spring floods.',
  'The mayor said the vote would let work start in March, and that the port would stay open throughout.',
  'Opponents said the cost had doubled since the first estimate and asked for an independent review.',
  'A final vote on the review is expected next month, when the council meets again in the old customs house.',
];

function page(body: string, articleBody: string): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Harbor budget approved', articleBody });
  return `<html><head><title>Harbor budget approved</title><script type="application/ld+json">${ld}</script></head><body>${body}</body></html>`;
}

describe('JSON-LD articleBody as a fallback', () => {
  it('a page that renders its story by script gives the story from JSON-LD', () => {
    const html = page('<div id="app"><h1>Harbor budget approved</h1><p>Loading the story, please wait.</p></div>', STORY.join('\n'));
    expect(extractArticle(html).text).toBe(STORY.join('\n\n'));
  });

  it('a story in the page is kept even when JSON-LD has a shorter summary', () => {
    const html = page(`<article>${STORY.map((p) => `<p>${p}</p>`).join('')}</article>`, STORY[0]);
    expect(extractArticle(html).text).toBe(STORY.join('\n\n'));
  });

  it('an articleBody that holds markup is not used', () => {
    const html = page('<div id="app"></div>', STORY.map((p) => `<p>${p}</p>`).join(''));
    expect(extractArticle(html).text).toBe('');
  });
});
