/**
 * A live blog stamps each entry with how long ago it was posted ("3 minutes ago", "3分钟前"), and
 * the stamp changes on every serve: a check published "3" -> "9 minutes ago" as an edit every time
 * (a tester's finding, issue 11). A line that is only a relative time is not text; a sentence that
 * says how long ago something happened is.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const ENTRIES = [
  'The city council voted on Wednesday night to approve a harbour budget of 42 million dollars, after a long debate.',
  'Council member Dana Ortiz, who led the opposition, said the plan would raise ferry fares for commuters.',
];

/** A live blog whose entries are stamped `stamps[k]`. */
const blog = (stamps: string[]) =>
  `<html><head><title>Live: harbour budget</title></head><body><article><h1>Live: harbour budget</h1><div class="story-body">${ENTRIES.map(
    (entry, k) => `<div class="entry"><p><strong>${stamps[k]}</strong></p><p>${entry}</p></div>`,
  ).join('')}</div></article></body></html>`;

describe('relative times on a line of their own', () => {
  it.each([
    ['3 minutes ago', '9 minutes ago'],
    ['1 hour ago', '2 hours ago'],
    ['2 hrs ago', '3 hrs ago'],
    ['vor 3 Minuten', 'vor 1 Stunde'],
    ['il y a 3 heures', 'il y a 4 heures'],
    ['hace 3 horas', 'hace 5 horas'],
    ['3 ore fa', '4 ore fa'],
    ['3分钟前', '9分钟前'],
    ['3分前', '9分前'],
    ['3분 전', '9분 전'],
    ['3 часа назад', '5 часов назад'],
    ['منذ 3 ساعات', 'منذ 5 ساعات'],
    ['just now', '2 minutes ago'],
  ])('%s then %s: the entries alone, the same text', (before, after) => {
    const first = extractArticle(blog([before, before])).text;
    expect(first).toBe(ENTRIES.join('\n\n'));
    expect(extractArticle(blog([after, after])).text).toBe(first);
  });

  it('a sentence that says how long ago, and an absolute time, stay', () => {
    const text = extractArticle(blog(['The vote was taken 3 minutes ago, the clerk said.', '14:05'])).text;
    expect(text).toContain('The vote was taken 3 minutes ago, the clerk said.');
    expect(text).toContain('14:05');
  });
});
