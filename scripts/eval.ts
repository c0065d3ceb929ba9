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
import { extractWithReadability } from './lib/readability-baseline';

// Python's re `\w` on str: letters, numbers and the underscore (combining marks split words there too).
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Multiset of n-token shingles; a text shorter than n is one shingle of all its tokens. */
export function shingles(toks: string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>();
  if (toks.length === 0) return counts;
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (toks.length < n) add(toks.join('\u0000'));
  else for (let i = 0; i + n <= toks.length; i++) add(toks.slice(i, i + n).join('\u0000'));
  return counts;
}

/** Precision and recall of one page, null where undefined (as the python scorer's None). */
export function pageScores(expected: string, extracted: string): [number | null, number | null] {
  const want = shingles(tokens(expected));
  const got = shingles(tokens(extracted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, g] of got) {
    const w = want.get(key) ?? 0;
    tp += Math.min(g, w);
    fp += Math.max(0, g - w);
  }
  for (const [key, w] of want) fn += Math.max(0, w - (got.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total === 0) return [null, null];
  tp /= total;
  fp /= total;
  fn /= total;
  const exact = fp === 0 && fn === 0;
  const precision = exact ? 1 : tp + fp > 0 ? (tp === 0 && fp === 0 ? 0 : tp / (tp + fp)) : null;
  const recall = exact ? 1 : tp + fn > 0 ? (tp === 0 && fn === 0 ? 0 : tp / (tp + fn)) : null;
  return [precision, recall];
}

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
  console.log(
    `pages ${pages.length}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  accuracy ${accuracy.toFixed(3)}  F1 ${f1.toFixed(3)}`,
  );
}

main(process.argv.slice(2));
