import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { expectWellFormed, render } from './helpers';

const v = (text: string, title = 'Headline') => ({ title, text });
const para = (seed: number, words = 60) => Array.from({ length: words }, (_, k) => `w${(seed * 7919 + k * 104729) % 100000}`).join(' ');
const article = (paragraphs: number, offset = 0) => Array.from({ length: paragraphs }, (_, k) => para(k + offset));

describe('diffVersions', () => {
  it('an unchanged article is not changed and is one equal entry', () => {
    const text = article(3).join('\n\n');
    expect(diffVersions(v(text), v(text))).toEqual({
      changed: false,
      title: null,
      byline: null,
      stats: { added: 0, removed: 0 },
      changes: [{ op: 'equal', text }],
    });
    expect(diffVersions(v(''), v(''))).toEqual({ changed: false, title: null, byline: null, stats: { added: 0, removed: 0 }, changes: [] });
  });

  it('a headline-only change is changed, with the title pair and an all-equal body', () => {
    const diff = diffVersions(v('Same body.', 'Old headline'), v('Same body.', 'New headline'));
    expect(diff.changed).toBe(true);
    expect(diff.title).toEqual({ old: 'Old headline', new: 'New headline' });
    expect(diff.changes).toEqual([{ op: 'equal', text: 'Same body.' }]);
    expect(diff.stats).toEqual({ added: 0, removed: 0 });
  });

  it('a replaced word reads as that word deleted then the new one inserted', () => {
    const diff = diffVersions(v('The minister, Mr. Rybakov, said so.'), v('The minister, Mr. Ryabkov, said so.'));
    expect(render(diff.changes)).toBe('The minister, Mr. [-Rybakov-]{+Ryabkov+}, said so.');
    expect(diff.stats).toEqual({ added: 1, removed: 1 });
  });

  it('neighbouring replaced words read as one replaced phrase', () => {
    const diff = diffVersions(v('He said the talks went well today.'), v('He said the meeting was tense today.'));
    expect(render(diff.changes)).toBe('He said the [-talks went well-]{+meeting was tense+} today.');
  });

  it('an added paragraph is one insertion, paragraph break included', () => {
    const paragraphs = article(5);
    const added = [...paragraphs.slice(0, 2), 'A new paragraph appears.', ...paragraphs.slice(2)];
    const diff = diffVersions(v(paragraphs.join('\n\n')), v(added.join('\n\n')));
    expectWellFormed(diff, paragraphs.join('\n\n'), added.join('\n\n'));
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([{ op: 'insert', text: 'A new paragraph appears.\n\n' }]);
    expect(diff.stats).toEqual({ added: 4, removed: 0 });
  });

  it('a removed paragraph is one deletion', () => {
    const paragraphs = article(5);
    const removed = paragraphs.filter((_, k) => k !== 3);
    const diff = diffVersions(v(paragraphs.join('\n\n')), v(removed.join('\n\n')));
    expectWellFormed(diff, paragraphs.join('\n\n'), removed.join('\n\n'));
    const edits = diff.changes.filter((c) => c.op !== 'equal');
    expect(edits).toHaveLength(1);
    expect(edits[0].op).toBe('delete');
    expect(edits[0].text.trim()).toBe(paragraphs[3]);
  });

  it('a moved paragraph reads as removed in one place and added in the other', () => {
    const paragraphs = article(6);
    const moved = [paragraphs[4], ...paragraphs.slice(0, 4), paragraphs[5]];
    const diff = diffVersions(v(paragraphs.join('\n\n')), v(moved.join('\n\n')));
    expectWellFormed(diff, paragraphs.join('\n\n'), moved.join('\n\n'));
    const edits = diff.changes.filter((c) => c.op !== 'equal');
    expect(edits.map((c) => c.op)).toEqual(['insert', 'delete']);
    expect(edits.every((c) => c.text.trim() === paragraphs[4])).toBe(true);
  });

  it('edits in many paragraphs stay word-level in each paragraph', () => {
    const paragraphs = article(30);
    const edited = paragraphs.map((p, k) => p.replace(/^(\S+ \S+) \S+/, `$1 edited${k}`));
    const diff = diffVersions(v(paragraphs.join('\n\n')), v(edited.join('\n\n')));
    expectWellFormed(diff, paragraphs.join('\n\n'), edited.join('\n\n'));
    expect(diff.stats).toEqual({ added: 30, removed: 30 });
  });

  it('beyond maxEditLength a paragraph reads as replaced whole, and both texts still rebuild', () => {
    const oldText = [para(1), para(2), para(3)].join('\n\n');
    const newText = [para(1), para(200), para(3)].join('\n\n');
    const exact = diffVersions(v(oldText), v(newText));
    const bounded = diffVersions(v(oldText), v(newText), { maxEditLength: 10 });
    expectWellFormed(exact, oldText, newText);
    expectWellFormed(bounded, oldText, newText);
    expect(bounded.changes.filter((c) => c.op !== 'equal')).toEqual([
      { op: 'delete', text: para(2) },
      { op: 'insert', text: para(200) },
    ]);
  });

  it('a full rewrite of a 20,000-word article stays fast and rebuilds', () => {
    const oldText = article(250, 0)
      .map((p) => `${p} ${para(1, 20)}`)
      .join('\n\n');
    const newText = article(250, 5000).join('\n\n');
    const start = performance.now();
    const diff = diffVersions(v(oldText), v(newText));
    expect(performance.now() - start).toBeLessThan(2000); // Date.now-free wall clock in workerd may read 0
    expectWellFormed(diff, oldText, newText);
  });

  it('hostile input: a 10 MB paragraph, NUL bytes, lone surrogates', () => {
    const huge = 'x\u0000y '.repeat(2_500_000);
    const diff = diffVersions(v(huge), v(`\uD800 ${huge.slice(0, -3)}z `));
    expectWellFormed(diff, huge, `\uD800 ${huge.slice(0, -3)}z `);
    const blanks = '\n\n'.repeat(100_000);
    expectWellFormed(diffVersions(v(blanks), v(`a${blanks}`)), blanks, `a${blanks}`);
  });
});
