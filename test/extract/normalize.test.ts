import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonForm, normalizeParagraph, normalizeText, paragraphsOf } from '../../src/extract/normalize';

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
  it('drops characters that never mean anything to a reader: bidi marks, embeddings, isolates, controls', () => {
    expect(normalizeText('Ry\u200Eab\u200Fkov \u202Aone\u202C \u202Etwo\u202C \u2066three\u2069 fo\u0007ur\u009B five\u061C')).toBe(
      'Ryabkov one two three four five',
    );
  });
  it('keeps ZWJ and ZWNJ, which choose letter forms, but compares without them', () => {
    expect(normalizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(comparisonForm('می\u200Cخواهم')).toBe(comparisonForm('میخواهم'));
  });
  it('keeps variation selectors, tag characters, the grapheme joiner and Hangul fillers, but compares without them', () => {
    // A tester's finding (issue 11): each alone published "1 word changed".
    const marked = 'Dana\uFE0F Or\u{E0100}tiz ❤\uFE0F 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Da\u034Fna\u3164 O\u115F\u1160rtiz\uFFA0';
    expect(normalizeText(marked)).toBe(marked);
    expect(comparisonForm(marked)).toBe(comparisonForm('Dana Ortiz ❤ 🏴 Dana Ortiz'));
  });
  it('compares re-flowed paragraphs as the same words', () => {
    expect(comparisonForm('one two\n\nthree')).toBe(comparisonForm('one\n\ntwo three'));
    expect(comparisonForm('one two three')).not.toBe(comparisonForm('one two four'));
  });
  it('compares Chinese, Japanese and Thai paragraphs joined or split as the same words', () => {
    // Written without spaces: a paragraph break between two sentences is no space to a reader.
    expect(comparisonForm('市政府周四宣布。\n\n市议会通过了预算。')).toBe(comparisonForm('市政府周四宣布。市议会通过了预算。'));
    expect(comparisonForm('発表した。\n\n費用は四千二百万ドルの見込みだ。')).toBe(comparisonForm('発表した。費用は四千二百万ドルの見込みだ。'));
    expect(comparisonForm('他说：“好。”\n\n“明天见。”')).toBe(comparisonForm('他说：“好。”“明天见。”'));
    expect(comparisonForm('รัฐบาลประกาศ\n\nวันนี้')).toBe(comparisonForm('รัฐบาลประกาศวันนี้'));
    expect(comparisonForm('使用 iPhone 的人')).toBe(comparisonForm('使用iPhone的人'));
    // Words still count: a changed character is a change, and Latin and Korean keep their spaces.
    expect(comparisonForm('市政府周四宣布。')).not.toBe(comparisonForm('市政府周三宣布。'));
    expect(comparisonForm('one two')).not.toBe(comparisonForm('onetwo'));
    expect(comparisonForm('시청은 목요일 발표했다')).not.toBe(comparisonForm('시청은목요일 발표했다'));
  });
  it('reads a line break between Chinese or Japanese characters as nothing, as a browser renders it', () => {
    expect(normalizeParagraph('将在明年春季开始修\n复港口北侧的防波堤，预计工程耗资四\r\n  千二百万元\n。')).toBe(
      '将在明年春季开始修复港口北侧的防波堤，预计工程耗资四千二百万元。',
    );
    expect(normalizeParagraph('発表\n\tした。')).toBe('発表した。');
    // A space the author typed stays, and so does a break beside Latin, Hangul or a digit.
    expect(normalizeParagraph('中文 中文')).toBe('中文 中文');
    expect(normalizeParagraph('使用\niPhone\n的人')).toBe('使用 iPhone 的人');
    expect(normalizeParagraph('시청은\n목요일')).toBe('시청은 목요일');
    expect(normalizeText('修\n复\n\n港口')).toBe('修复\n\n港口');
  });
  it('an empty page is an empty text with no paragraphs', () => {
    expect(normalizeText(' \n\n ')).toBe('');
    expect(paragraphsOf('')).toEqual([]);
  });
});

describe('normalizeParagraph stays the same function', () => {
  // The original three-pass form (on the characters it knew): versions are compared in
  // comparisonForm, and one stored by an older normalizer is matched by its words (decide.ts).
  const reference = (text: string) =>
    text
      .normalize('NFC')
      .replace(/[\u200B\u2060\uFEFF\u00AD]/g, '')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\s+/g, ' ')
      .trim();

  it('gives the same text as the three-pass original on any mix of spaces, breaks and invisibles', () => {
    const piece = fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u00a0',
      '\u0085',
      '\u2028',
      '\u2029',
      '\u3000',
      '\u202f',
      '\ufeff',
      '\u200b',
      '\u00ad',
      'a',
      'é',
      'e\u0301',
      'word',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(normalizeParagraph(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
