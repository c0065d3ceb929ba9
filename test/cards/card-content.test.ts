/** What a card says and how its words are cut and ordered, apart from drawing it. */
import { describe, expect, it } from 'vitest';
import { paragraphDirection, shapeArabic, visualWord } from '../../src/cards/bidi';
import { cardAltText, cardContent, cardSnippets, CARD_TEXT_BUDGET } from '../../src/cards/card-content';
import { pieces } from '../../src/cards/card-layout';
import { diffVersions } from '../../src/diff';
import type { ArticleRecord } from '../../src/store';

const at = '2026-11-20T09:30:00.000Z';
function content(oldTitle: string, newTitle: string, oldText: string, newText: string) {
  const diff = diffVersions({ title: oldTitle, text: oldText }, { title: newTitle, text: newText });
  const article = {
    id: 'a',
    url: 'https://example.com/s',
    site: 'example.com',
    title: newTitle,
    versions: [
      { n: 1, fetchedAt: at, title: oldTitle },
      { n: 2, fetchedAt: at, title: newTitle },
    ],
  } as ArticleRecord;
  return cardContent({ article, from: 1, to: 2, diff, kinds: ['spelling'] });
}

describe('card content', () => {
  it('shows the sentence an edit is in, not the whole paragraph', () => {
    const card = content(
      'T',
      'T',
      'First sentence here. The minister Rybakov said so. Last one.',
      'First sentence here. The minister Ryabkov said so. Last one.',
    );
    expect(card.snippets).toEqual([
      [
        { op: 'equal', text: 'The minister ' },
        { op: 'delete', text: 'Rybakov' },
        { op: 'insert', text: 'Ryabkov' },
        { op: 'equal', text: ' said so.' },
      ],
    ]);
    expect(card.headlineChange).toBeNull();
    expect(cardAltText(card)).toContain('deleted “Rybakov” and inserted “Ryabkov”');
  });

  it('cuts long changes to the card budget and counts the passages left off', () => {
    // Ten paragraphs, one word changed in the middle of each: ten passages, far apart.
    const paragraph = (k: number, word: string) =>
      `${Array.from({ length: 25 }, (_, m) => `w${k}x${m}`).join(' ')} ${word} ${Array.from({ length: 25 }, (_, m) => `v${k}y${m}`).join(' ')}.`;
    const oldText = Array.from({ length: 10 }, (_, k) => paragraph(k, 'before')).join('\n\n');
    const newText = Array.from({ length: 10 }, (_, k) => paragraph(k, 'after')).join('\n\n');
    const diff = diffVersions({ title: 'T', text: oldText }, { title: 'T', text: newText });
    const { snippets, more } = cardSnippets(diff);
    const shown = snippets.flat().reduce((sum, run) => sum + run.text.length, 0);
    expect(shown).toBeLessThanOrEqual(CARD_TEXT_BUDGET + 2);
    expect(more).toBeGreaterThan(0);
  });

  it('a changed headline is shown old and new', () => {
    const card = content('Old headline', 'New headline', 'Same text here.', 'Same text here.');
    expect(card.headlineChange).toEqual({ old: 'Old headline', new: 'New headline' });
    expect(card.snippets).toEqual([]);
  });
});

describe('words on the card', () => {
  it('breaks CJK between characters and other text between words', () => {
    expect(pieces([{ op: 'equal', text: '发言人 said' }]).map((p) => p.text)).toEqual(['发', '言', '人', 'said']);
    expect(pieces([{ op: 'insert', text: 'two words' }])).toEqual([
      { text: 'two', op: 'insert', gap: true },
      { text: 'words', op: 'insert', gap: false },
    ]);
  });

  it('shapes Arabic letters into their joined forms and puts a word in visual order', () => {
    // مرحبا: meem initial, reh final, hah initial, beh medial, alef final.
    expect(shapeArabic('مرحبا')).toBe('\ufee3\ufeae\ufea3\ufe92\ufe8e');
    expect(visualWord('مرحبا')).toBe('\ufe8e\ufe92\ufea3\ufeae\ufee3');
    // lam-alef is one ligature
    expect(shapeArabic('لا')).toBe('\ufefb');
    // digits inside keep their order
    expect(visualWord('ب2026')).toBe('2026\ufe8f');
    expect(visualWord('Ryabkov')).toBe('Ryabkov');
  });

  it('reads a paragraph direction from its first letter', () => {
    expect(paragraphDirection('2026: وزير الخارجية')).toBe('rtl');
    expect(paragraphDirection('Минister')).toBe('ltr');
  });
});
