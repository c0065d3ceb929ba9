import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { expectWellFormed, render } from './helpers';

const v = (text: string) => ({ title: 'Headline', text });
const shown = (oldText: string, newText: string) => {
  const diff = diffVersions(v(oldText), v(newText));
  expectWellFormed(diff, oldText, newText);
  return render(diff.changes);
};

describe('hunks end at word boundaries', () => {
  it('an edit inside a word marks the whole word', () => {
    expect(shown('Die Höhe des Datenschutzniveau wird geprüft.', 'Die Höhe des Datenschutzniveaus wird geprüft.')).toBe(
      'Die Höhe des [-Datenschutzniveau-]{+Datenschutzniveaus+} wird geprüft.',
    );
  });

  it('a time or a date that changed reads as one word, not its pieces around the colon', () => {
    expect(shown('Aktualisiert am 6. April, 12:44 Uhr', 'Aktualisiert am 6. April, 9:14 Uhr')).toBe('Aktualisiert am 6. April, [-12:44-]{+9:14+} Uhr');
  });

  it('a word keeps its closing comma outside the hunk', () => {
    expect(shown('The minister, Mr. Rybakov, said so.', 'The minister, Mr. Ryabkov, said so.')).toBe('The minister, Mr. [-Rybakov-]{+Ryabkov+}, said so.');
  });

  it('a change of punctuation alone shows the word it belongs to', () => {
    expect(shown('Georg Löwisch (Leitung); Julia Lorenz', 'Georg Löwisch (Leitung), Julia Lorenz')).toBe(
      'Georg Löwisch [-(Leitung);-]{+(Leitung),+} Julia Lorenz',
    );
  });

  it('a space taken out or put in shows the words it joins or splits', () => {
    expect(shown('Claudia Wüstenhagen, Ingo Arzt, Corinna Schöps', 'Claudia Wüstenhagen, Ingo Arzt,Corinna Schöps')).toBe(
      'Claudia Wüstenhagen, Ingo [-Arzt, Corinna-]{+Arzt,Corinna+} Schöps',
    );
    expect(shown('Sie finden es im Kundencenter online.', 'Sie finden es im Kunden center online.')).toBe(
      'Sie finden es im [-Kundencenter-]{+Kunden center+} online.',
    );
  });

  it('an added clause stays an insertion before the full stop', () => {
    expect(shown('The council met on Tuesday.', 'The council met on Tuesday, and again on Wednesday.')).toBe(
      'The council met on Tuesday{+, and again on Wednesday+}.',
    );
  });
});

describe('hunks slide to sentence boundaries', () => {
  it('a removed sentence is shown as exactly that sentence', () => {
    expect(shown('The car is fast. It comes standard with Connect. It is red.', 'The car is fast. It is red.')).toBe(
      'The car is fast. [-It comes standard with Connect. -]It is red.',
    );
  });

  it('an added sentence that repeats the words around it reads as a whole sentence', () => {
    expect(shown('One. Two three. Four.', 'One. Two three. Two three. Four.')).toBe('One. Two three. {+Two three. +}Four.');
    expect(shown('He said no. She said yes.', 'He said no. She said no. She said yes.')).toBe('He said no. {+She said no. +}She said yes.');
  });

  it('a word inserted mid-sentence stays where it was', () => {
    expect(shown('He said the plan works.', 'He said the the plan works.')).toBe('He said the {+the +}plan works.');
  });

  it('a paragraph moved is that paragraph, not the closing quote of the one before it and the rest', () => {
    const quoted = ['It passed.', 'He called it “a blank check.”', '“It is an investment,” she said. “Families waited.”', 'The House is next.'];
    const moved = [quoted[0], quoted[2], quoted[1], quoted[3]];
    const diff = diffVersions(v(quoted.join('\n\n')), v(moved.join('\n\n')));
    expectWellFormed(diff, quoted.join('\n\n'), moved.join('\n\n'));
    expect(diff.changes.filter((c) => c.op !== 'equal').map((c) => c.text.trim())).toEqual([quoted[1], quoted[1]]);
    expect(diff.stats.added).toBe(diff.stats.removed);
  });
});
