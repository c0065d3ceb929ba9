/**
 * Counts with their label first tick on every serve of a page nobody edited: "Comments (12)",
 * "Viewed 1,204 times", a reading time in German, French or Spanish. They go wherever they sit,
 * as "137 shares" does; a sentence that gives a count stays.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { STORY } from '../fixtures/story-beside-appeal';

const page = (line: string) =>
  `<html><head><title>Libraries to close</title></head><body><article><h1>Libraries to close</h1><p>${STORY[0]}</p><p>${line}</p>${STORY.slice(1)
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;

describe('a count with its label first', () => {
  it('is no line of the story', () => {
    for (const line of [
      'Comments (12)',
      'Kommentare: 15',
      'Viewed 1,204 times',
      'Lesezeit: 4 Min.',
      'Lesedauer: 4 Minuten',
      'Temps de lecture : 4 min',
      'Tiempo de lectura: 4 min',
    ]) {
      expect(extractArticle(page(line)).text, line).toBe(STORY.join('\n\n'));
    }
  });

  it("in every script, and counts of readers, hearts and votes (a tester's finding, issue 11)", () => {
    for (const line of [
      '评论 (123)',
      '評論（12）',
      'コメント 12件',
      '댓글 12개',
      '123 تعليقا',
      '12 条评论',
      'Seen by 4,532 readers',
      '♥ 12',
      '❤️ 1.2k',
      'Leserkommentare: 12',
      '1,203 votes',
    ]) {
      expect(extractArticle(page(line)).text, line).toBe(STORY.join('\n\n'));
    }
  });

  it('is kept when a sentence gives it', () => {
    const sentence = 'The report was viewed 1,204 times in its first week, the library said.';
    expect(extractArticle(page(sentence)).text).toContain(sentence);
  });
});
