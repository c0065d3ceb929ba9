import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import blogV1 from '../fixtures/extract/green-corner/v1.html?raw';
import blogNoise from '../fixtures/extract/green-corner/v1-noise.html?raw';
import blogWord from '../fixtures/extract/green-corner/v2-word.html?raw';
import newsHeadline from '../fixtures/extract/harbor-times/v2-headline.html?raw';
import newsLetter from '../fixtures/extract/harbor-times/v2-letter.html?raw';
import newsSentence from '../fixtures/extract/harbor-times/v2-sentence.html?raw';
import newsV1 from '../fixtures/extract/harbor-times/v1.html?raw';
import newsNoise from '../fixtures/extract/harbor-times/v1-noise.html?raw';

const NEWS = 'https://harbortimes.example/2024/03/05/harbor-budget.html';
const BLOG = 'https://greencorner.example/2023/06/pond/';

describe('a news page with hashed class names (harbor-times)', () => {
  const base = extractArticle(newsV1, NEWS);

  it('extracts the body, subhead included, without the furniture around it', () => {
    expect(base.text.split('\n\n')).toHaveLength(7);
    expect(base.text).toMatch(/^The city council voted 7 to 2/);
    expect(base.text).toContain('\n\nWhat happens next\n\n');
    for (const furniture of ['Advertisement', 'Updated', 'comments', 'Most read', 'Storm closes bridge', 'Log in', '© 2024', 'Jane Park']) {
      expect(base.text).not.toContain(furniture);
    }
  });

  it('re-served with new hashes, script payloads, stamps, comment counts and most-read list: identical text', () => {
    const noisy = extractArticle(newsNoise, NEWS);
    expect(noisy.text).toBe(base.text);
    expect(noisy.title).toBe(base.title);
  });

  it('a one-letter edit shows', () => {
    const edited = extractArticle(newsLetter, NEWS);
    expect(edited.text).not.toBe(base.text);
    expect(edited.text).toContain('one percentage pint');
  });

  it('a dropped sentence shows', () => {
    const edited = extractArticle(newsSentence, NEWS);
    expect(edited.text).not.toBe(base.text);
    expect(base.text).toContain('consider a ballot challenge');
    expect(edited.text).not.toContain('consider a ballot challenge');
  });

  it('a changed headline shows in the title and stays out of the text', () => {
    const edited = extractArticle(newsHeadline, NEWS);
    expect(edited.title).toBe('Council Narrowly Approves Harbor Budget');
    expect(base.title).toBe('Council Approves Harbor Budget After Months of Debate');
    expect(edited.text).toBe(base.text);
  });
});

describe('a WordPress blog post (green-corner)', () => {
  const base = extractArticle(blogV1, BLOG);

  it('keeps the four paragraphs and leaves out share buttons, related posts, comments and widgets', () => {
    expect(base.text.split('\n\n')).toHaveLength(4);
    for (const furniture of ['Share this', 'Twitter', 'Related', 'rain garden', 'Lovely pond', 'Popular posts', 'Comments', 'Skip to content', 'Posted']) {
      expect(base.text).not.toContain(furniture);
    }
  });

  it('re-served with a new post id, nonce, timestamp, comment count and popular list: identical text', () => {
    expect(extractArticle(blogNoise, BLOG).text).toBe(base.text);
  });

  it('a one-word edit shows', () => {
    const edited = extractArticle(blogWord, BLOG);
    expect(edited.text).not.toBe(base.text);
    expect(edited.text).toContain('Third, toads will find you.');
  });
});
