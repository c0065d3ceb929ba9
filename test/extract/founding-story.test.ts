import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v1Noise from '../fixtures/nyt-2016-ryabkov/v1-noise.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';

const URL = 'https://www.nytimes.com/2016/11/11/world/europe/russia-trump-campaign.html';

describe('the founding story (NYT, 2016, Rybakov -> Ryabkov)', () => {
  const first = extractArticle(v1, URL);

  it('extracts the body without the page furniture', () => {
    expect(first.title).toBe('Russian Officials Were in Contact With Trump Allies, Diplomat Says');
    expect(first.text.startsWith('MOSCOW — The Russian government maintained contacts')).toBe(true);
    expect(first.text).toContain('“We feel no euphoria,” Mr. Rybakov was quoted as saying');
    for (const furniture of [
      'Advertisement',
      'Continue reading the main story',
      'Updated 3 minutes ago',
      'Comments 305',
      'Supported by',
      'Skip to content',
      'Log In',
    ]) {
      expect(first.text).not.toContain(furniture);
    }
    expect(first.text).not.toContain(first.title);
  });

  it('a re-served copy with new class hashes, scripts, timestamps and comment counts extracts identically', () => {
    const noisy = extractArticle(v1Noise, URL);
    expect(noisy.text).toBe(first.text);
    expect(noisy.title).toBe(first.title);
  });

  it('the corrected version shows the fixed name and keeps the correction paragraph', () => {
    const second = extractArticle(v2, URL);
    expect(second.text).not.toBe(first.text);
    expect(second.text).not.toContain('Rybakov sought');
    expect(second.text).toContain('Mr. Ryabkov sought to play down');
    const last = second.text.split('\n\n').at(-1);
    expect(last).toMatch(/^Correction: November 11, 2016 An earlier version of this article misspelled/);
    expect(last).toContain('He is Sergei A. Ryabkov, not Rybakov.');
  });
});
