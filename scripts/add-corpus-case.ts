/**
 * `npm run corpus:add -- PAGE_DIR [NAME]`: copies a corpus page (source.html, expected.txt, and
 * url.txt when present) into test/fixtures/corpus/NAME and records the F1 Redline reaches on it
 * today, less 0.01, as the case's floor in case.json. test/extract/corpus.test.ts then holds every
 * case to its floor, as Readability's test-pages hold its output.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeHtml } from '../src/extract/charset';
import { extractArticle } from '../src/extract/index';
import { pageScores } from './lib/extraction-score';

const [from, name = basename(from ?? '')] = process.argv.slice(2);
if (!from || !existsSync(join(from, 'source.html')) || !existsSync(join(from, 'expected.txt'))) {
  console.error('usage: npm run corpus:add -- PAGE_DIR [NAME]   (PAGE_DIR holds source.html and expected.txt)');
  process.exit(2);
}
const to = join('test', 'fixtures', 'corpus', name);
mkdirSync(to, { recursive: true });
for (const file of ['source.html', 'expected.txt', 'url.txt']) if (existsSync(join(from, file))) copyFileSync(join(from, file), join(to, file));
const url = existsSync(join(to, 'url.txt')) ? readFileSync(join(to, 'url.txt'), 'utf8').trim() : undefined;
const text = extractArticle(decodeHtml(new Uint8Array(readFileSync(join(to, 'source.html'))), null), url).text;
const [p, r] = pageScores(readFileSync(join(to, 'expected.txt'), 'utf8'), text);
const f1 = p && r ? (2 * p * r) / (p + r) : 0;
writeFileSync(join(to, 'case.json'), `${JSON.stringify({ minF1: Math.max(0, Math.floor((f1 - 0.01) * 100) / 100) }, null, 2)}\n`);
console.log(`${name}: F1 ${f1.toFixed(3)}, floor ${Math.max(0, Math.floor((f1 - 0.01) * 100) / 100)} -> ${to}`);
