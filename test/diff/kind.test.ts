/** Kinds of change on fixtures of each kind, on the founding story, and on edge cases. */
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { classifyChange, editDistance, isCorrectionNotice } from '../../src/diff/kind';
import { extractArticle, normalizeText } from '../../src/extract';
import additionNew from '../fixtures/kinds/addition/new.txt?raw';
import additionOld from '../fixtures/kinds/addition/old.txt?raw';
import correctionNew from '../fixtures/kinds/correction/new.txt?raw';
import correctionOld from '../fixtures/kinds/correction/old.txt?raw';
import headlineNew from '../fixtures/kinds/headline/new.txt?raw';
import headlineOld from '../fixtures/kinds/headline/old.txt?raw';
import minorNew from '../fixtures/kinds/minor/new.txt?raw';
import minorOld from '../fixtures/kinds/minor/old.txt?raw';
import removalNew from '../fixtures/kinds/removal/new.txt?raw';
import removalOld from '../fixtures/kinds/removal/old.txt?raw';
import rewriteNew from '../fixtures/kinds/rewrite/new.txt?raw';
import rewriteOld from '../fixtures/kinds/rewrite/old.txt?raw';
import spellingNew from '../fixtures/kinds/spelling/new.txt?raw';
import spellingOld from '../fixtures/kinds/spelling/old.txt?raw';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';

/** A fixture file: the headline on the first line, the body after it. */
function version(file: string) {
  const [title, ...body] = file.split('\n');
  return { title: title.trim(), text: normalizeText(body.join('\n')) };
}

const kindsOf = (oldFile: string, newFile: string) => classifyChange(diffVersions(version(oldFile), version(newFile)));

describe('classifyChange', () => {
  it.each([
    ['spelling', spellingOld, spellingNew, ['spelling']],
    ['correction', correctionOld, correctionNew, ['correction', 'removal', 'addition']],
    ['headline', headlineOld, headlineNew, ['headline']],
    ['addition', additionOld, additionNew, ['addition']],
    ['removal', removalOld, removalNew, ['removal']],
    ['rewrite', rewriteOld, rewriteNew, ['rewrite']],
    ['minor', minorOld, minorNew, ['minor']],
  ])('tells a %s fixture apart, most telling kind first', (_name, oldFile, newFile, expected) => {
    expect(kindsOf(oldFile, newFile)).toEqual(expected);
  });

  it('reads the founding story as a correction with spelling fixes', () => {
    expect(classifyChange(diffVersions(extractArticle(v1), extractArticle(v2)))).toEqual(['correction', 'spelling']);
  });

  it('finds no kind in an unchanged diff', () => {
    expect(kindsOf(spellingNew, spellingNew)).toEqual([]);
  });

  it('does not call a changed number a spelling fix', () => {
    const before = version('T\nThe city could face a shortfall of $120 million by spring.');
    const after = version('T\nThe city could face a shortfall of $130 million by spring.');
    expect(classifyChange(diffVersions(before, after))).not.toContain('spelling');
  });

  it('does not call a different word a spelling fix', () => {
    const before = version('T\nThe vote was held on Monday night after a long debate.');
    const after = version('T\nThe vote was held on Tuesday night after a long debate.');
    expect(classifyChange(diffVersions(before, after))).not.toContain('spelling');
  });

  it('names a headline change beside a body change', () => {
    const before = version('Old headline\nThe council met on Tuesday.');
    const after = version('New headline\nThe council met on Tuesday, and again on Wednesday.');
    expect(classifyChange(diffVersions(before, after))).toEqual(['headline', 'addition']);
  });

  it('recognises correction notices and leaves ordinary sentences alone', () => {
    for (const notice of [
      'Correction: An earlier version of this article misspelled the name of the minister.',
      "Editor's Note: This story has been updated to include a response from the company.",
      'Clarification: The report was published in May.',
      'This article has been corrected to reflect the date of the hearing.',
      'An earlier version of this story misstated the vote count.',
    ])
      expect(isCorrectionNotice(notice), notice).toBe(true);
    for (const text of ['The market saw a sharp correction on Tuesday.', 'Prices were updated daily by the agency.'])
      expect(isCorrectionNotice(text), text).toBe(false);
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('rybakov', 'ryabkov')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
