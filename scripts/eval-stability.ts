/**
 * `npm run eval:stability -- [CORPUS_DIR...] [--seed N] [-v]`: for every page of the corpora
 * (default ../shared/corpus/readability and ../shared/corpus/wcxb), drop one paragraph chosen with
 * a seeded generator and extract again: the text must differ by exactly that paragraph. Prints
 * the pages where it did not (with -v, what else changed); the last line counts them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../src/extract/charset';
import { dropOneParagraph, seeded } from './lib/drop-paragraph';

const argv = process.argv.slice(2);
const verbose = argv.includes('-v');
// As a check reads the second page: knowing where the first page's body sat.
const asCheck = argv.includes('--as-check');
const seedAt = argv.indexOf('--seed');
const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 11;
const dirs = argv.filter((a, k) => !a.startsWith('-') && argv[k - 1] !== '--seed');
const corpora = dirs.length ? dirs : ['../shared/corpus/readability', '../shared/corpus/wcxb'];
let pages = 0;
let tried = 0;
let unstable = 0;
for (const corpus of corpora) {
  for (const page of readdirSync(corpus).sort()) {
    const source = join(corpus, page, 'source.html');
    if (!existsSync(source)) continue;
    pages++;
    const urlFile = join(corpus, page, 'url.txt');
    const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined;
    const html = decodeHtml(new Uint8Array(readFileSync(source)), null);
    const result = dropOneParagraph(html, url, seeded(seed + pages), asCheck);
    if (result.dropped === null) continue;
    tried++;
    if (result.ok) continue;
    unstable++;
    console.log(`${corpus}/${page}: dropping "${result.dropped.slice(0, 60)}…" changed ${result.extra.length} other paragraph(s)`);
    if (verbose) for (const line of result.extra.slice(0, 6)) console.log(`    ${line.slice(0, 120)}`);
  }
}
console.log(`pages ${pages}  paragraphs dropped ${tried}  text differs by exactly that paragraph ${tried - unstable}/${tried}  unstable ${unstable}`);
