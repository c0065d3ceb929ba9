/**
 * `npm run eval:revisions -- [PAIRS.jsonl] [-v]`: change detection on real consecutive versions
 * of the same pages (default ../shared/revisions/pairs.jsonl), through the very extractor and
 * differ a check runs (as `npm run compare -- --pairs`), scored as ../shared/tools/score-revisions.py
 * scores it: an edit pair is found when the Diff says changed; changed words covered is the share of
 * the reference's changed word tokens (a multiset) found in the Diff's inserted and deleted text; a
 * boilerplate pair (the same main text) is flagged when the Diff says changed.
 * `-v` lists every miss and every flagged boilerplate pair first. Then: why the uncovered words are
 * uncovered (see `Uncovered`); the same three figures against the reference cut again from the
 * text a reader sees (scripts/lib/reader-reference.ts); with `--baseline`, Readability.js's
 * figures on both references. The last line is the summary:
 * `edits found 32/32  changed words covered 0.994  boilerplate pairs flagged 0/24`.
 */
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { diffVersions, type Diff } from '../src/diff';
import { errorMessage, readArticle } from '../src/cli/read-article';
import { extractWithReadability } from './lib/readability-baseline';
import { chunkDiff, cutDiff, type ReferenceDiff } from './lib/reader-reference';

interface Pair {
  id: string;
  old: string;
  new: string;
  kind: string;
  removed?: string[];
  added?: string[];
}

// Python's `[^\W]+`: runs of letters, digits, marks and the underscore.
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

function tokenCounts(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const t of text.match(WORD) ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * What a text would hold if its line breaks were not there: the reference diff is cut from a
 * DOM's textContent, which runs two blocks together when the markup has no whitespace between
 * them ("…GmbH</p><p>Frankenallee…" is the one word "GmbHFrankenallee"). A reader sees two words.
 * `pattern` picks the units: words, or the whitespace-delimited chunks the reference's hunks are
 * made of ("Änderungen.04.02.2022:" glues a heading's last word to a list's first date).
 */
function gluedUnits(text: string, pattern: RegExp): Set<string> {
  const units: string[] = [];
  // linked[k]: only a line break stands between units k and k + 1.
  const linked: boolean[] = [];
  let end = 0;
  for (const match of text.matchAll(pattern)) {
    if (units.length) linked.push(/^\s*\n\s*$/.test(text.slice(end, match.index)));
    units.push(match[0]);
    end = match.index + match[0].length;
  }
  const glued = new Set<string>();
  // A heading of one word between two blocks glues three: "Reinecke" "Redaktionsassistenz" "Aylin".
  for (let k = 0; k < units.length; k++) {
    let joined = units[k];
    for (let j = k; j < Math.min(units.length - 1, k + 4) && linked[j]; j++) {
      joined += units[j + 1];
      glued.add(joined);
    }
  }
  return glued;
}

const CHUNK = /\S+/g;

/**
 * Why the reference's changed words that the diff does not mark are unmarked: `glued`, a word of
 * the reference that is two words across a block boundary in the page (see gluedUnits); `beside`,
 * a word of a reference hunk that holds such a glued word or chunk (the reference marks the words
 * around a block boundary when the block on the other side changed); `missing`, a word in neither extracted text; `unmarked`,
 * every other (extracted, not marked: a word next to changed punctuation, or aligned elsewhere).
 */
class Uncovered {
  glued = 0;
  beside = 0;
  missing = 0;
  unmarked = 0;

  add(pair: Pair, oldText: string, newText: string, want: Map<string, number>, got: Map<string, number>): void {
    const extracted = tokenCounts([oldText, newText]);
    const glued = new Set([...gluedUnits(oldText, WORD), ...gluedUnits(newText, WORD)]);
    const chunks = new Set([...(oldText.match(CHUNK) ?? []), ...(newText.match(CHUNK) ?? [])]);
    const gluedChunks = new Set([...gluedUnits(oldText, CHUNK), ...gluedUnits(newText, CHUNK)]);
    const beside = new Set<string>();
    for (const hunk of [...(pair.removed ?? []), ...(pair.added ?? [])]) {
      const words = hunk.match(WORD) ?? [];
      const gluedHere = words.some((w) => glued.has(w) && !extracted.has(w)) || (hunk.match(CHUNK) ?? []).some((c) => gluedChunks.has(c) && !chunks.has(c));
      if (gluedHere) for (const w of words) beside.add(w);
    }
    for (const [token, n] of want) {
      const left = n - Math.min(n, got.get(token) ?? 0);
      if (!left) continue;
      if (extracted.has(token)) {
        if (beside.has(token)) this.beside += left;
        else this.unmarked += left;
      } else if (glued.has(token)) this.glued += left;
      else this.missing += left;
    }
  }

  toString(): string {
    const total = this.glued + this.beside + this.missing + this.unmarked;
    return `uncovered ${total}: glued across blocks by the reference ${this.glued}, beside such a word ${this.beside}, not extracted ${this.missing}, extracted but not marked ${this.unmarked}`;
  }
}

/** One edit pair scored: the reference's changed words, the words the result marks, how many agree. */
interface Scored {
  want: Map<string, number>;
  got: Map<string, number>;
  hit: number;
  total: number;
}

/** The three figures of score-revisions.py for one reference over all pairs. */
class Score {
  edits = 0;
  found = 0;
  covered = 0;
  reference = 0;
  boilerplate = 0;
  flagged = 0;

  /** Adds one pair (an empty reference diff is a boilerplate pair); an edit pair found is returned scored. */
  add(reference: ReferenceDiff, changed: boolean, marked: string[]): Scored | null {
    if (!reference.removed.length && !reference.added.length) {
      this.boilerplate++;
      if (changed) this.flagged++;
      return null;
    }
    this.edits++;
    if (!changed) return null;
    this.found++;
    const want = tokenCounts([...reference.removed, ...reference.added]);
    const got = tokenCounts(marked);
    let hit = 0;
    let total = 0;
    for (const [token, n] of want) {
      hit += Math.min(n, got.get(token) ?? 0);
      total += n;
    }
    this.covered += hit;
    this.reference += total;
    return { want, got, hit, total };
  }

  get coverage(): number {
    return this.reference ? this.covered / this.reference : 0;
  }

  toString(): string {
    return `edits found ${this.found}/${this.edits}  changed words covered ${this.coverage.toFixed(3)}  boilerplate pairs flagged ${this.flagged}/${this.boilerplate}`;
  }
}

/** The issue's baseline: Readability.js on linkedom, its text compared in whitespace-delimited chunks. */
function readabilityDiff(pair: Pair, blocksKept: boolean): { changed: boolean; marked: string[] } {
  const text = (path: string) => {
    const html = readFileSync(path, 'utf8');
    if (blocksKept) return extractWithReadability(html).text;
    const { document } = parseHTML(html);
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
  };
  // Every hunk, not the reference's first twenty: what a user of the baseline would be shown.
  const { removed, added } = chunkDiff(text(pair.old), text(pair.new), Infinity);
  return { changed: removed.length + added.length > 0, marked: [...removed, ...added] };
}

function main(argv: string[]) {
  const verbose = argv.includes('-v');
  const baseline = argv.includes('--baseline');
  const file = argv.find((a) => !a.startsWith('-')) ?? '../shared/revisions/pairs.jsonl';
  const pairs: Pair[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const given = new Score();
  const reader = new Score();
  const readability = { given: new Score(), reader: new Score(), givenBlocks: new Score(), readerBlocks: new Score() };
  let readerCut = true;
  let errors = 0;
  const uncovered = new Uncovered();
  for (const pair of pairs) {
    if (pair.kind !== 'boilerplate' && pair.kind !== 'edit' && pair.kind !== 'rewrite') continue;
    const givenReference = { removed: pair.removed ?? [], added: pair.added ?? [] };
    let diff: Diff;
    let oldText = '';
    let newText = '';
    try {
      const oldArticle = readArticle(pair.old);
      const newArticle = readArticle(pair.new, oldArticle);
      oldText = oldArticle.text;
      newText = newArticle.text;
      diff = diffVersions(oldArticle, newArticle);
    } catch (error) {
      errors++;
      given.add(givenReference, false, []);
      console.log(`error ${pair.id}: ${errorMessage(error)}`);
      continue;
    }
    const bodyChanges = diff.changes.filter((c) => c.op !== 'equal');
    const marked = bodyChanges.map((c) => c.text);
    const scored = given.add(givenReference, diff.changed, marked);
    if (pair.kind === 'boilerplate') {
      if (diff.changed && verbose) {
        const what = bodyChanges
          .slice(0, 3)
          .map((c) => `${c.op[0]}:${JSON.stringify(c.text.slice(0, 50))}`)
          .join(' | ');
        console.log(`flagged ${pair.id}: ${what || `title ${JSON.stringify(diff.title)}`}`);
      }
    } else if (!diff.changed) {
      if (verbose) console.log(`missed ${pair.id}`);
    } else if (scored) {
      uncovered.add(pair, oldText, newText, scored.want, scored.got);
      if (verbose && scored.hit < scored.total) console.log(`partly covered ${pair.id}: ${scored.hit}/${scored.total} changed words`);
    }
    const readerReference = readerCut ? cutDiff(pair.old, pair.new, 'reader') : null;
    if (!readerReference) readerCut = false;
    else reader.add(readerReference, diff.changed, marked);
    if (baseline) {
      for (const blocksKept of [false, true]) {
        const { changed, marked: theirs } = readabilityDiff(pair, blocksKept);
        (blocksKept ? readability.givenBlocks : readability.given).add(givenReference, changed, theirs);
        if (readerReference) (blocksKept ? readability.readerBlocks : readability.reader).add(readerReference, changed, theirs);
      }
    }
  }
  // The same share with the reference's glued words left out: words a reader can see on the page.
  const seen = given.reference - uncovered.glued;
  console.log(`${uncovered}; covered of the words a page shows as words ${(seen ? given.covered / seen : 0).toFixed(3)}`);
  if (readerCut) console.log(`against the text a reader sees (the same containers, a break at each block, no scripts): ${reader}`);
  if (baseline) {
    console.log(`Readability.js, textContent compared:  reference ${readability.given}`);
    console.log(`Readability.js, blocks kept:           reference ${readability.givenBlocks}`);
    if (readerCut) {
      console.log(`Readability.js, textContent compared:  reader's  ${readability.reader}`);
      console.log(`Readability.js, blocks kept:           reader's  ${readability.readerBlocks}`);
    }
  }
  console.log(`pairs ${pairs.length}${errors ? ` errors ${errors}` : ''}  ${given}`);
}

main(process.argv.slice(2));
