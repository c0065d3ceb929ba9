/**
 * Boxes set beside the story's paragraphs that are still the story: the attribution of a quote
 * (a <figcaption> of a figure that holds a <blockquote>) and a fact box in an <aside>. A tester
 * changed who said a quote and a year in a fact box, and neither was an edit.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const LEAD = '<p>The harbour council met on Tuesday and approved the budget, after a long debate that ran past midnight.</p>';
const MORE = '<p>Members argued over the dredging contract, which had been delayed twice since the spring floods hit the port.</p>';
const page = (box: string) => `<html><body><article><h1>Budget passes</h1>${LEAD}${box}${MORE}</article></body></html>`;

describe('boxes that are part of the story', () => {
  it("a quote's attribution is text; a photo's caption is not", () => {
    const quote =
      '<figure><blockquote><p>We cannot leave the north wall as it is for another winter.</p></blockquote><figcaption>— Tim Lang, city engineer</figcaption></figure>';
    expect(extractArticle(page(quote)).text).toContain('We cannot leave the north wall as it is for another winter.\n\n— Tim Lang, city engineer');
    const footer =
      '<blockquote><p>We cannot leave the north wall as it is for another winter.</p><footer>— <cite>Tim Lang</cite>, city engineer</footer></blockquote>';
    expect(extractArticle(page(footer)).text).toContain('another winter.\n\n— Tim Lang, city engineer');
    const photo = '<figure><img src="/wall.jpg" alt=""><figcaption>The north wall at low tide. Photo: Ana Reyes</figcaption></figure>';
    expect(extractArticle(page(photo)).text).not.toContain('low tide');
  });

  it('a fact box in an <aside> is text; a sidebar is not', () => {
    const facts = '<aside class="factbox"><h3>The harbour in numbers</h3><p>The north wall is 1.2 kilometres long and was built in 1911.</p></aside>';
    expect(extractArticle(page(facts)).text).toContain('The harbour in numbers\n\nThe north wall is 1.2 kilometres long and was built in 1911.');
    const sidebar = '<aside class="sidebar"><h3>Newsletter</h3><p>Get the harbour news in your inbox every morning, free of charge.</p></aside>';
    expect(extractArticle(page(sidebar)).text).not.toContain('Newsletter');
  });
});
