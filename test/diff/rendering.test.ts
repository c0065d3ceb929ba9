/**
 * A rendering mark beside a real edit is no edit of its own (a tester's finding, issue 11): a ZWNJ
 * added to "the" while "42" became "44" showed as two edits. The new version keeps the old
 * rendering of a word that differs only in such marks; joining the diff still rebuilds both texts.
 */
import { describe, expect, it } from 'vitest';
import { diffVersions, keepOldRendering } from '../../src/diff';

const OLD = 'The council approved a budget of 42 million dollars after a debate at the town hall.\n\nResidents will comment in April.';
const version = (text: string) => ({ title: 'Budget', text, byline: null });
const edits = (changes: { op: string; text: string }[]) => changes.filter((c) => c.op !== 'equal');

describe('rendering marks beside an edit', () => {
  it.each([
    ['a ZWNJ', 'the\u200C town'],
    ['a variation selector', 'the\uFE0F town'],
    ['a Hangul filler', 'the\u3164 town'],
  ])('%s added to a word the editor did not touch: the edit alone, and the old rendering kept', (_name, marked) => {
    const page = OLD.replace('42', '44').replace('the town', marked);
    const { diff, text } = keepOldRendering(diffVersions(version(OLD), version(page)));
    expect(edits(diff.changes)).toEqual([
      { op: 'delete', text: '42' },
      { op: 'insert', text: '44' },
    ]);
    expect(diff.stats).toEqual({ added: 1, removed: 1 });
    expect(text).toBe(OLD.replace('42', '44'));
    expect(
      diff.changes
        .filter((c) => c.op !== 'insert')
        .map((c) => c.text)
        .join(''),
    ).toBe(OLD);
    expect(
      diff.changes
        .filter((c) => c.op !== 'delete')
        .map((c) => c.text)
        .join(''),
    ).toBe(text);
  });

  it('a word the editor changed keeps its new rendering, and a diff without marks is left as it is', () => {
    const page = OLD.replace('town', 'city\u200C');
    const { diff, text } = keepOldRendering(diffVersions(version(OLD), version(page)));
    expect(text).toBe(page);
    expect(edits(diff.changes)).toEqual([
      { op: 'delete', text: 'town' },
      { op: 'insert', text: 'city\u200C' },
    ]);
    const plain = diffVersions(version(OLD), version(OLD.replace('April', 'May')));
    expect(keepOldRendering(plain)).toEqual({ diff: plain, text: OLD.replace('April', 'May') });
  });
});
