/**
 * A closing credit line ("Reporting by …; editing by …") is part of the story, not a byline to
 * trim at the text's edge: a reporter swapped in it is an edit.
 */
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { extractArticle } from '../../src/extract';
import { STORY } from '../fixtures/story-beside-appeal';

const page = (middle: string, end = '') =>
  `<html><head><title>Libraries to close</title></head><body><article><h1>Libraries to close</h1><p>${STORY[0]}</p>${middle}${STORY.slice(1)
    .map((p) => `<p>${p}</p>`)
    .join('')}${end}</article></body></html>`;

describe('a closing credit line', () => {
  it('is part of the story, and a reporter swapped in it shows in the diff', () => {
    const credit = (name: string) => `<p>Reporting by Anna Reyes and ${name}; editing by Kim Park.</p>`;
    const before = extractArticle(page('', credit('Tom Lee')));
    const after = extractArticle(page('', credit('Sam Ortiz')));
    expect(before.text.endsWith('Reporting by Anna Reyes and Tom Lee; editing by Kim Park.')).toBe(true);
    const diff = diffVersions(before, after);
    expect(diff.changes.filter((c) => c.op !== 'equal').map((c) => c.text)).toEqual(['Tom Lee', 'Sam Ortiz']);
  });
});
