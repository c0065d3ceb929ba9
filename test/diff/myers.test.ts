/**
 * Redline's typed-array Myers diff against jsdiff's diffArrays as the oracle: the same minimal
 * edit count on every input, the same answer to "within maxEditLength?", and runs that rebuild
 * both sequences.
 */
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { myersDiff, type Run } from '../../src/diff/myers';

const edits = (runs: Run[]) => runs.filter((r) => r.op !== 'equal').reduce((sum, r) => sum + r.count, 0);

function rebuild(runs: Run[], a: number[], b: number[]) {
  const old: number[] = [];
  const now: number[] = [];
  let i = 0;
  let j = 0;
  for (const run of runs) {
    if (run.op !== 'insert') old.push(...a.slice(i, (i += run.count)));
    if (run.op === 'equal') now.push(...b.slice(j, (j += run.count)));
    if (run.op === 'insert') now.push(...b.slice(j, (j += run.count)));
  }
  return { old, now };
}

describe('myersDiff', () => {
  const sequence = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 });

  it('finds the same minimal edit count as jsdiff diffArrays, and rebuilds both sides', () => {
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const ours = myersDiff(a, b, a.length + b.length)!;
        const theirs = diffArrays(a, b);
        const theirEdits = theirs.filter((c) => c.added || c.removed).reduce((sum, c) => sum + c.count, 0);
        expect(edits(ours)).toBe(theirEdits);
        expect(rebuild(ours, a, b)).toEqual({ old: a, now: b });
      }),
      { numRuns: 500 },
    );
  });

  it('gives up exactly when jsdiff with the same maxEditLength gives up', () => {
    fc.assert(
      fc.property(sequence, sequence, fc.integer({ min: 0, max: 40 }), (a, b, bound) => {
        const ours = myersDiff(a, b, bound);
        const theirs = diffArrays(a, b, { maxEditLength: bound });
        expect(ours === undefined).toBe(theirs === undefined);
      }),
      { numRuns: 500 },
    );
  });
});
