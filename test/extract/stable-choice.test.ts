/// <reference types="vite/client" />
/**
 * Stable choice: drop one paragraph of a page, chosen with a seeded generator, and the extracted
 * text differs by exactly that paragraph: the extractor must not pick another block, trim another
 * edge or lose a neighbour because one paragraph went. Real pages (test/fixtures/stability);
 * `npm run eval:stability` runs it over the whole shared corpora.
 */
import { describe, expect, it } from 'vitest';
import { dropOneParagraph, seeded } from '../../scripts/lib/drop-paragraph';

const pages = import.meta.glob<string>('../fixtures/stability/*/source.html', { query: '?raw', import: 'default', eager: true });
const SEEDS = [1, 2, 3];

describe('dropping one paragraph changes the text by exactly that paragraph', () => {
  const names = Object.keys(pages).sort();

  it('has the pages to test', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  for (const path of names) {
    const name = path.split('/').at(-2);
    it(`${name}, seeds ${SEEDS.join(', ')}`, () => {
      for (const seed of SEEDS) {
        const result = dropOneParagraph(pages[path], undefined, seeded(seed));
        expect(result.dropped, `${name}: no paragraph to drop`).not.toBeNull();
        expect(result.extra, `${name} seed ${seed}: dropped "${result.dropped?.slice(0, 50)}"`).toEqual([]);
      }
    });
  }
});
