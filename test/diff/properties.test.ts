import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextSnippets, diffVersions } from '../../src/diff';
import { comparisonForm } from '../../src/extract/normalize';
import { expectWellFormed, newSide, oldSide } from './helpers';

const word = fc.oneof(
  fc.constantFrom('the', 'Rybakov', 'Ryabkov', 'said', 'Mr.', '“We', 'no', 'euphoria,”', 'a', '—', '2016', 'Peña'),
  fc.string({ minLength: 1, maxLength: 6 }).map((s) => s.replace(/\s/g, '') || 'x'),
);
const paragraph = fc.array(word, { minLength: 1, maxLength: 20 }).map((ws) => ws.join(' '));
/** Normalized body text: single spaces, paragraphs apart by one blank line. */
const body = fc.array(paragraph, { maxLength: 8 }).map((ps) => ps.join('\n\n'));
/** Anything at all, NULs, newlines and lone surrogates included. */
const raw = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\u0000', '\uD800', '.', 'é'), maxLength: 40 });

/** A base text and a copy with random word and paragraph edits. */
const editedPair = fc
  .tuple(
    fc.array(fc.array(word, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 8 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 4 }), word), { maxLength: 6 }),
  )
  .map(([paragraphs, edits]) => {
    const edited = paragraphs.map((p) => [...p]);
    for (const [pi, wi, kind, w] of edits) {
      const p = edited[pi % edited.length];
      if (kind === 0)
        p[wi % p.length] = w; // replace a word
      else if (kind === 1)
        p.splice(wi % (p.length + 1), 0, w); // insert a word
      else if (kind === 2 && p.length > 1)
        p.splice(wi % p.length, 1); // delete a word
      else if (kind === 3)
        edited.splice(pi % (edited.length + 1), 0, [w, w]); // add a paragraph
      else if (edited.length > 1) edited.splice(pi % edited.length, 1); // remove a paragraph
    }
    const text = (ps: string[][]) => ps.map((p) => p.join(' ')).join('\n\n');
    return [text(paragraphs), text(edited)] as const;
  });

const v = (text: string) => ({ title: 'T', text });

describe('diffVersions properties', () => {
  it('random bodies: both texts rebuild, stats match, changed iff the words differ', () => {
    fc.assert(
      fc.property(body, body, (a, b) => {
        const diff = diffVersions(v(a), v(b));
        expectWellFormed(diff, a, b);
        expect(diff.changed).toBe(comparisonForm(a) !== comparisonForm(b));
      }),
      { numRuns: 300 },
    );
  });

  it('random edits of one text: both rebuild, and a single word swap costs one word each way', () => {
    fc.assert(
      fc.property(editedPair, ([a, b]) => {
        expectWellFormed(diffVersions(v(a), v(b)), a, b);
        expectWellFormed(diffVersions(v(a), v(b), { maxEditLength: 2 }), a, b);
      }),
      { numRuns: 300 },
    );
    const diff = diffVersions(v('one two three\n\nfour five six'), v('one two three\n\nfour FIVE six'));
    expect(diff.stats).toEqual({ added: 1, removed: 1 });
  });

  it('arbitrary strings (NULs, lone surrogates, stray newlines) never throw and always rebuild', () => {
    fc.assert(
      fc.property(raw, raw, fc.integer({ min: 0, max: 50 }), (a, b, bound) => {
        expectWellFormed(diffVersions(v(a), v(b), { maxEditLength: bound }), a, b);
      }),
      { numRuns: 500 },
    );
  });

  it('snippets are stretches of the old and new texts, holding every edit', () => {
    fc.assert(
      fc.property(editedPair, fc.integer({ min: 1, max: 6 }), ([a, b], context) => {
        const diff = diffVersions(v(a), v(b));
        const snippets = contextSnippets(diff, context);
        const edits = diff.changes.filter((c) => c.op !== 'equal');
        expect(snippets.flat().filter((c) => c.op !== 'equal')).toEqual(edits);
        for (const s of snippets) {
          expect(a).toContain(oldSide(s).replace(/^… /, '').replace(/ …$/, ''));
          expect(b).toContain(newSide(s).replace(/^… /, '').replace(/ …$/, ''));
        }
      }),
      { numRuns: 200 },
    );
  });
});
