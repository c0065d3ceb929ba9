/**
 * Corpus cases, one folder a case as Readability keeps its test pages: test/fixtures/corpus/<case>/
 * holds source.html, expected.txt (the text a reader reads, from the corpus) and case.json (the
 * F1 this case must keep). `npm run corpus:add -- PAGE_DIR` adds one. The metric is
 * score-extraction.py's (scripts/lib/extraction-score.ts), so a case fails when extraction loses
 * what `npm run eval` would count.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { pageScores } from '../../scripts/lib/extraction-score';

const files = import.meta.glob<string>('../fixtures/corpus/*/*', { query: '?raw', import: 'default', eager: true });
const cases = Object.keys(files)
  .filter((path) => path.endsWith('/source.html'))
  .map((path) => path.split('/').at(-2) as string)
  .sort();
const read = (name: string, file: string) => files[`../fixtures/corpus/${name}/${file}`];

describe('corpus cases', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  for (const name of cases) {
    it(`${name} keeps its F1`, () => {
      const { minF1 } = JSON.parse(read(name, 'case.json')) as { minF1: number };
      const url = read(name, 'url.txt')?.trim();
      const [p, r] = pageScores(read(name, 'expected.txt'), extractArticle(read(name, 'source.html'), url).text);
      const f1 = p && r ? (2 * p * r) / (p + r) : 0;
      expect(f1, `${name}: P ${p} R ${r}`).toBeGreaterThanOrEqual(minF1);
    });
  }
});
