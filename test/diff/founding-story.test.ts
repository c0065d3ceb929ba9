import { describe, expect, it } from 'vitest';
import { contextSnippets, diffVersions } from '../../src/diff';
import { extractArticle } from '../../src/extract';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';
import { expectWellFormed, render } from './helpers';

describe('the founding story: NYT corrects "Rybakov" to "Ryabkov" (Nov. 2016)', () => {
  const before = extractArticle(v1);
  const after = extractArticle(v2);
  const diff = diffVersions(before, after);

  it('rebuilds both versions exactly', () => {
    expect(diff.changed).toBe(true);
    expect(diff.title).toBeNull();
    expectWellFormed(diff, before.text, after.text);
  });

  it('shows each misspelling as one deleted word and one inserted word', () => {
    const edits = diff.changes.filter((c) => c.op !== 'equal');
    const spelling = edits.filter((c) => c.text === 'Rybakov' || c.text === 'Ryabkov');
    expect(spelling.length).toBeGreaterThanOrEqual(2);
    expect(render(diff.changes)).toContain('Mr. [-Rybakov-]{+Ryabkov+} ');
    for (let k = 0; k < edits.length; k++) {
      if (edits[k].op === 'delete') {
        expect(edits[k].text).toBe('Rybakov');
        expect(edits[k + 1]).toEqual({ op: 'insert', text: 'Ryabkov' });
      }
    }
  });

  it('shows the appended correction as an insertion, with nothing else removed', () => {
    const last = diff.changes[diff.changes.length - 1];
    expect(last.op).toBe('insert');
    expect(last.text).toMatch(/^\n\nCorrection:/);
    expect(last.text).toContain('He is Sergei A. Ryabkov, not Rybakov.');
    expect(diff.stats.removed).toBe(diff.changes.filter((c) => c.op === 'delete').length);
  });

  it('snippets show each fix with a few words around it', () => {
    const snippets = contextSnippets(diff, 4).map(render);
    expect(snippets[0]).toBe('On Thursday, Mr. [-Rybakov-]{+Ryabkov+} sought to play down …');
    expect(snippets.at(-1)).toMatch(/^… of being Moscow’s “puppet\.”\{\+\n\nCorrection:/);
  });
});
