import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const STORY = [
  'The harbor council met on Tuesday and approved the budget, after a long debate that ran past midnight.',
  'By a vote of five to two, members backed the dredging contract, which had been delayed twice since the floods.',
  'The mayor said the vote would let work start in March, and that the port would stay open throughout the work.',
];

function page(lead: string[], tail: string[]): string {
  const paragraphs = [...lead, ...STORY, ...tail].map((p) => `<p>${p}</p>`).join('');
  return `<html><head><title>Harbor budget approved | Harbor Times</title></head><body><article>${paragraphs}</article></body></html>`;
}

describe('furniture lines at the start and end of the body', () => {
  it('the headline, byline, dateline and reading time above the story are left out', () => {
    const html = page(['Harbor budget approved', 'By Jane Doe and Sam Roe', 'Updated 5 minutes ago', '4 min read'], []);
    expect(extractArticle(html).text).toBe(STORY.join('\n\n'));
  });

  it('a byline under a standfirst is left out too, so the text does not change when the standfirst goes', () => {
    const standfirst = 'Dredging starts in March, and the port stays open: what the vote means for the harbor.';
    const withStandfirst = extractArticle(page([standfirst, 'by Jane Doe · October 10, 2021'], [])).text;
    expect(withStandfirst).toBe([standfirst, ...STORY].join('\n\n'));
    expect(extractArticle(page(['by Jane Doe · October 10, 2021'], [])).text).toBe(STORY.join('\n\n'));
  });

  it('tags, sharing prompts and the copyright line below the story are left out', () => {
    const html = page([], ['Tags: harbor, budget, council', 'Share this article', 'Copyright © 2024 Harbor Times. All rights reserved.']);
    expect(extractArticle(html).text).toBe(STORY.join('\n\n'));
  });

  it('a re-served page whose "Updated" line changed extracts the same text', () => {
    const first = extractArticle(page(['Updated 5 minutes ago'], [])).text;
    const later = extractArticle(page(['Updated 2 hours ago'], [])).text;
    expect(later).toBe(first);
  });

  it('a story that opens with "By Tuesday," or "Updated figures" keeps its first line', () => {
    for (const lead of ['By Tuesday, the council had approved the budget.', 'Updated figures show the council spent more than planned.']) {
      expect(extractArticle(page([lead], [])).text.startsWith(lead)).toBe(true);
    }
  });

  it('the same words inside the story stay', () => {
    const html = page([], []);
    expect(extractArticle(html).text).toContain('By a vote of five to two');
  });
});
