/**
 * `npm run eval -- [CORPUS_DIR] [--readability]`: extraction accuracy on a corpus of
 * <page>/source.html + <page>/expected.txt, in-process, with the metric of
 * ../shared/tools/score-extraction.py ported exactly (word tokens, 4-token shingle multisets,
 * per-page scaled counts, precision and recall averaged over pages, F1 from the averages).
 * Prints a per-page table worst first; the last line ends with `F1 0.nnn`.
 * `--readability` scores the Readability-on-linkedom baseline instead. A page's url.txt, when
 * present, is passed as the page URL, as a check passes the article's URL.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../src/extract/charset';
import { extractArticle } from '../src/extract/index';
import { pageScores, tokens } from './lib/extraction-score';
import { extractWithReadability } from './lib/readability-baseline';

function sameTokens(a: string, b: string): boolean {
  const x = tokens(a);
  const y = tokens(b);
  return x.length === y.length && x.every((t, i) => t === y[i]);
}

function main(argv: string[]) {
  const baseline = argv.includes('--readability');
  const corpus = argv.find((a) => !a.startsWith('--')) ?? '../shared/corpus/wcxb';
  const extract = baseline ? extractWithReadability : extractArticle;
  const pages = readdirSync(corpus)
    .filter((p) => existsSync(join(corpus, p, 'expected.txt')))
    .sort();
  const precisions: number[] = [];
  const recalls: number[] = [];
  const rows: { page: string; p: number | null; r: number | null }[] = [];
  let exact = 0;
  for (const page of pages) {
    const expected = readFileSync(join(corpus, page, 'expected.txt'), 'utf8');
    let got = '';
    try {
      const bytes = new Uint8Array(readFileSync(join(corpus, page, 'source.html')));
      const urlFile = join(corpus, page, 'url.txt');
      const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined;
      got = extract(decodeHtml(bytes, null), url).text;
    } catch (error) {
      console.error(`${page}: ${error instanceof Error ? error.message : error}`);
    }
    const [p, r] = pageScores(expected, got);
    if (p !== null) precisions.push(p);
    if (r !== null) recalls.push(r);
    if (sameTokens(expected, got)) exact++;
    rows.push({ page, p, r });
  }
  const fmt = (x: number | null) => (x === null ? 'nan' : x.toFixed(3));
  rows.sort((a, b) => Math.min(a.p ?? 1, a.r ?? 1) - Math.min(b.p ?? 1, b.r ?? 1));
  for (const { page, p, r } of rows) {
    const f = p && r ? (2 * p * r) / (p + r) : 0;
    console.log(`${page}\tP ${fmt(p)}\tR ${fmt(r)}\tF1 ${f.toFixed(3)}`);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = exact / Math.max(1, pages.length);
  console.log(`pages ${pages.length}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  accuracy ${accuracy.toFixed(3)}  F1 ${f1.toFixed(3)}`);
}

main(process.argv.slice(2));
