import { describe, expect, it } from 'vitest';
import { normalizeText, paragraphsOf } from '../../src/extract/normalize';

describe('normalizeText', () => {
  it('composes to NFC so the same word typed two ways is the same word', () => {
    expect(normalizeText('Pen\u0303a Nieto')).toBe('Peña Nieto');
  });
  it('collapses spaces, tabs and NBSP inside a paragraph', () => {
    expect(normalizeText('  one\u00a0 two\t\tthree \n four ')).toBe('one two three four');
  });
  it('keeps paragraphs as exactly one blank line', () => {
    expect(normalizeText('first\n\n\n\n  second\r\n\r\nthird')).toBe('first\n\nsecond\n\nthird');
    expect(paragraphsOf('first\n\nsecond')).toEqual(['first', 'second']);
  });
  it('drops invisible characters that change between renders', () => {
    expect(normalizeText('Rya\u00adb\u200bkov\ufeff')).toBe('Ryabkov');
  });
  it('an empty page is an empty text with no paragraphs', () => {
    expect(normalizeText(' \n\n ')).toBe('');
    expect(paragraphsOf('')).toEqual([]);
  });
});
