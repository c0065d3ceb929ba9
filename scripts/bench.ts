/**
 * `npm run bench -- [CORPUS_DIR]`: per-page CPU time of the whole check path (decode, parse,
 * extract, normalize, SHA-256 hash) for pages of 4 KB and more, beside Readability.js on linkedom
 * (src/extract/readability.ts) on the same pages in the same process, after a warm-up. Prints
 * median and p90 of each, of tokenizing alone (htmlparser2's Parser with no callbacks, timed
 * right after Redline on each page), the same two as each page's best of three runs (the least
 * disturbed by other work on a shared machine), and the peak heap of the largest page; the last
 * line holds both single-run medians and their ratio. Without an argument it runs every corpus under ../shared/corpus.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Parser } from 'htmlparser2';
import { runInNewContext } from 'node:vm';
import type { Article } from '../src/extract/article';
import { decodeHtml } from '../src/extract/charset';
import { extractArticle } from '../src/extract/index';
import { extractWithReadability } from './lib/readability-baseline';

const MIN_BYTES = 4096;

/** Every <page>/source.html under the folder, or under each of its sub-folders. */
function findPages(dir: string): string[] {
  const direct = join(dir, 'source.html');
  if (existsSync(direct)) return [direct];
  const pages: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) pages.push(...findPages(path));
  }
  return pages;
}

/** The per-check CPU path: bytes in, hashed article out. */
async function checkPath(bytes: Uint8Array, extract: (html: string) => Article): Promise<string> {
  const article = extract(decodeHtml(bytes, 'text/html'));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${article.title}\n${article.text}`));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Tokenizing alone: htmlparser2's Parser with no callbacks over the decoded page, the floor. */
function tokenizeOnly(html: string): void {
  const parser = new Parser({}, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false });
  parser.write(html);
  parser.end();
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function gc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap in MB allocated by one extraction of `bytes`, measured from a collected heap. */
function heapOf(bytes: Uint8Array, extract: (html: string) => Article, collect: () => void): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const article = extract(decodeHtml(bytes, 'text/html'));
  const after = process.memoryUsage().heapUsed;
  if (!article) throw new Error('no article');
  return (after - before) / 2 ** 20;
}

async function main() {
  const dir = process.argv[2] ?? '../shared/corpus';
  if (!existsSync(dir)) {
    // A clone without the shared corpora beside it: say what the benchmark reads instead of a stack.
    console.error(
      `npm run bench reads real pages from ${dir}, which is not there: pass a folder of <page>/source.html (npm run bench -- test/fixtures/corpus)`,
    );
    process.exit(2);
  }
  const pages = findPages(dir)
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }))
    .filter((page) => page.bytes.length >= MIN_BYTES);
  if (pages.length === 0) throw new Error(`no pages of ${MIN_BYTES} bytes or more under ${dir}`);
  const log = (line: string) => console.log(line);
  log(`${pages.length} pages of ${MIN_BYTES / 1024} KB and more under ${dir}`);

  const runners = { redline: extractArticle, readability: (html: string) => extractWithReadability(html) };
  const times: Record<string, number[]> = { redline: [], readability: [], tokenizer: [] };
  const decoded = pages.map((page) => decodeHtml(page.bytes, 'text/html'));
  for (const [name, extract] of Object.entries(runners)) {
    for (const page of pages.slice(0, 20)) await checkPath(page.bytes, extract); // warm-up
    for (let i = 0; i < pages.length; i++) {
      const start = performance.now();
      await checkPath(pages[i].bytes, extract);
      times[name].push(performance.now() - start);
      if (name === 'redline') {
        // Right after the same page, so both see the same load on a shared machine.
        const tokenizerStart = performance.now();
        tokenizeOnly(decoded[i]);
        times.tokenizer.push(performance.now() - tokenizerStart);
      }
      if (i % 25 === 0 || i === pages.length - 1) process.stderr.write(`\r${name}: ${i + 1}/${pages.length} pages`);
    }
    process.stderr.write('\n');
  }

  // Two more rounds of Redline and tokenizing alone, for each page's best of three: on a machine
  // shared with other work, the fastest run is the closest to the code's own cost.
  const best = { redline: [...times.redline], tokenizer: [...times.tokenizer] };
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < pages.length; i++) {
      const start = performance.now();
      await checkPath(pages[i].bytes, extractArticle);
      best.redline[i] = Math.min(best.redline[i], performance.now() - start);
      const tokenizerStart = performance.now();
      tokenizeOnly(decoded[i]);
      best.tokenizer[i] = Math.min(best.tokenizer[i], performance.now() - tokenizerStart);
    }
  }

  const largest = pages.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
  const collect = gc();
  const heapRedline = heapOf(largest.bytes, runners.redline, collect);
  const heapReadability = heapOf(largest.bytes, runners.readability, collect);
  log(
    `peak heap on the largest page (${largest.file}, ${(largest.bytes.length / 1024).toFixed(0)} KB): ` +
      `redline ${heapRedline.toFixed(1)} MB, readability ${heapReadability.toFixed(1)} MB`,
  );

  const stats: Record<string, { median: number; p90: number }> = {};
  for (const name of Object.keys(times)) {
    const sorted = [...times[name]].sort((a, b) => a - b);
    stats[name] = { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
    log(`${name}: median ${stats[name].median.toFixed(2)} ms  p90 ${stats[name].p90.toFixed(2)} ms  max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  }

  try {
    const diffBench = './bench-diff.ts';
    const { benchDiff } = (await import(diffBench)) as { benchDiff: (log: (line: string) => void) => Promise<void> };
    await benchDiff(log);
  } catch (error) {
    if (!(error instanceof Error && /Cannot find module|ERR_MODULE_NOT_FOUND/.test(`${error.message} ${(error as { code?: string }).code}`))) {
      log(`diff bench failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  const bestOf = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `median ${quantile(sorted, 0.5).toFixed(2)} ms p90 ${quantile(sorted, 0.9).toFixed(2)} ms`;
  };
  log(`best of 3 runs per page: redline ${bestOf(best.redline)} | tokenizer ${bestOf(best.tokenizer)}`);
  const { redline, readability, tokenizer } = stats;
  log(`redline / tokenizing alone: median ${(redline.median / tokenizer.median).toFixed(2)}x, p90 ${(redline.p90 / tokenizer.p90).toFixed(2)}x`);
  log(
    `redline median ${redline.median.toFixed(2)} ms p90 ${redline.p90.toFixed(1)} ms | ` +
      `readability median ${readability.median.toFixed(1)} ms p90 ${readability.p90.toFixed(0)} ms | ` +
      `ratio ${(readability.median / redline.median).toFixed(1)}x`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
