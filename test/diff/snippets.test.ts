import { describe, expect, it } from 'vitest';
import { contextSnippets, diffVersions } from '../../src/diff';
import { render } from './helpers';

const v = (text: string, title = 'T') => ({ title, text });
const words = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `w${from + k}`).join(' ');

describe('contextSnippets', () => {
  it('cuts long unchanged text to a few words either side, marked with …', () => {
    const diff = diffVersions(v(`${words(0, 30)} old ${words(30, 60)}`), v(`${words(0, 30)} new ${words(30, 60)}`));
    expect(contextSnippets(diff, 3).map(render)).toEqual(['… w27 w28 w29 [-old-]{+new+} w30 w31 w32 …']);
  });

  it('nearby edits share a snippet; distant ones get their own', () => {
    const diff = diffVersions(v(`a ${words(0, 4)} b ${words(4, 40)} c`), v(`A ${words(0, 4)} B ${words(4, 40)} C`));
    expect(contextSnippets(diff, 2).map(render)).toEqual(['[-a-]{+A+} w0 w1 w2 w3 [-b-]{+B+} w4 w5 …', '… w38 w39 [-c-]{+C+}']);
  });

  it('context stops at a paragraph break without an ellipsis', () => {
    const diff = diffVersions(v(`${words(0, 20)}\n\nFirst word changed here.`), v(`${words(0, 20)}\n\nOne word changed here.`));
    expect(contextSnippets(diff, 8).map(render)).toEqual(['[-First-]{+One+} word changed here.']);
  });

  it('a headline-only change has no body snippets', () => {
    expect(contextSnippets(diffVersions(v('same', 'A'), v('same', 'B')))).toEqual([]);
  });
});
