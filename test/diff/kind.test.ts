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

  it.each([
    ['a scale', 'The deal is worth 4.2 million dollars, the company said.', 'The deal is worth 4.2 billion dollars, the company said.'],
    ['a German scale', 'Der Schaden beträgt 4,2 Mio. Euro, teilte die Polizei mit.', 'Der Schaden beträgt 4,2 Mrd. Euro, teilte die Polizei mit.'],
    ['a French scale', 'Le contrat vaut 3 millions d’euros, selon le ministère.', 'Le contrat vaut 3 milliards d’euros, selon le ministère.'],
    ['a number word', 'Officials said fifteen people were hurt in the fire.', 'Officials said fifty people were hurt in the fire.'],
    ['a month', 'The trial is due to open in June after a long delay.', 'The trial is due to open in July after a long delay.'],
    ['a German weekday', 'Die Abstimmung findet am Dienstag im Landtag statt.', 'Die Abstimmung findet am Donnerstag im Landtag statt.'],
    ['a negation', 'The minister said he would not resign over the report.', 'The minister said he would now resign over the report.'],
    ['a German negation', 'Der Minister sagte, er habe nicht davon gewusst.', 'Der Minister sagte, er habe nichts davon gewusst.'],
    ['a short name with one letter substituted', 'Talks with Iran resumed on Monday in Geneva.', 'Talks with Iraq resumed on Monday in Geneva.'],
    ['a Japanese weekday', '首相は木曜日に記者会見を開いた。', '首相は水曜日に記者会見を開いた。'],
    ['a Chinese word', '外交部周四宣布了新的措施。', '外交部周三宣布了新的措施。'],
    ['a Korean weekday', '시의회는 목요일에 예산안을 통과시켰다.', '시의회는 수요일에 예산안을 통과시켰다.'],
    ['a Hindi weekday', 'परिषद ने गुरुवार को बजट पारित किया।', 'परिषद ने बुधवार को बजट पारित किया।'],
    ['a Hindi number word', 'आग में तीन लोग घायल हुए।', 'आग में तेरह लोग घायल हुए।'],
    ['a Spanish number word', 'La policía dijo que tres personas resultaron heridas.', 'La policía dijo que trece personas resultaron heridas.'],
    ['a Portuguese number word', 'A polícia disse que dois homens foram presos.', 'A polícia disse que doze homens foram presos.'],
  ])('%s changed is no spelling fix', (_name, before, after) => {
    const kinds = classifyChange(diffVersions(version(`T\n${before}`), version(`T\n${after}`)));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain('spelling');
  });

  it.each([
    ['a transposed name', 'Mr. Rybakov was quoted as saying.', 'Mr. Ryabkov was quoted as saying.'],
    ['a doubled letter in a name', 'Councilman Peter Holis said so.', 'Councilman Peter Hollis said so.'],
    ['a misspelt common word', 'The goverment said it would act.', 'The government said it would act.'],
    ['a misspelt scale', 'The bill costs 3 milion dollars.', 'The bill costs 3 million dollars.'],
    ['a lower-case typo of four letters', 'The team will meat on Friday.', 'The team will meet on Friday.'],
  ])('still calls %s a spelling fix', (_name, before, after) => {
    expect(classifyChange(diffVersions(version(`T\n${before}`), version(`T\n${after}`)))).toEqual(['spelling']);
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
