/**
 * A byline stored by older rules, read again: the same names once its line is cut where they end,
 * or some of them (one author link of several, a JSON-LD author), are that version's byline;
 * other names, or a byline gone, are not.
 */
import { describe, expect, it } from 'vitest';
import { bylineLine, sameNamesAsReadBefore } from '../../src/extract/byline-names';

describe('sameNamesAsReadBefore', () => {
  it('a byline read with what shared its line names the same people as its names alone', () => {
    expect(sameNamesAsReadBefore('By Anna Reyes · 3 hours ago', 'By Anna Reyes')).toBe(true);
    expect(sameNamesAsReadBefore('By Anna Reyes Updated March 12, 2025, 4:05 p.m. ET', 'By Anna Reyes')).toBe(true);
    expect(sameNamesAsReadBefore('Anna Reyes', 'By Anna Reyes')).toBe(true);
    expect(sameNamesAsReadBefore('Posted by:', 'jamesfox')).toBe(true);
  });

  it('a reporter the older rules did not read, or read only in JSON-LD, is no edit; other names or none are', () => {
    expect(sameNamesAsReadBefore('Anna Reyes', 'Anna Reyes and Tom Li')).toBe(true);
    expect(sameNamesAsReadBefore('Anna Reyes, Tom Li', 'By Anna Reyes')).toBe(true);
    expect(sameNamesAsReadBefore('Anna Reyes', 'Tom Li')).toBe(false);
    expect(sameNamesAsReadBefore('Anna Reyes', null)).toBe(false);
  });
});

describe('bylineLine', () => {
  it('keeps the "By" as written and no name that starts like one', () => {
    expect(bylineLine('By Jane Doe | May 3, 2025')).toBe('By Jane Doe');
    expect(bylineLine('Parker Lee')).toBe('Parker Lee');
    expect(bylineLine('Byron Smith 2h ago')).toBe('Byron Smith');
    expect(bylineLine('Updated 4:05 p.m.')).toBe(null);
  });
});
