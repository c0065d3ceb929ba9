/**
 * `npm run eval:revisions -- [PAIRS.jsonl] [-v]`: change detection on real consecutive versions
 * of the same pages (default ../shared/revisions/pairs.jsonl), through the very extractor and
 * differ a check runs (as `npm run compare -- --pairs`), scored as ../shared/tools/score-revisions.py
 * scores it: an edit pair is found when the Diff says changed; changed words covered is the share of
 * the reference's changed word tokens (a multiset) found in the Diff's inserted and deleted text; a
 * boilerplate pair (the same main text) is flagged when the Diff says changed.
 * `-v` lists every miss and every flagged boilerplate pair first. The line before the summary says
 * why the uncovered words are uncovered (see `Uncovered`). The last line is the summary:
 * `edits found 32/32  changed words covered 0.994  boilerplate pairs flagged 0/24`.
 */
import { readFileSync } from 'node:fs';
import { diffVersions, type Diff } from '../src/diff';
import { errorMessage, readArticle } from '../src/cli/read-article';

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

function main(argv: string[]) {
  const verbose = argv.includes('-v');
  const file = argv.find((a) => !a.startsWith('-')) ?? '../shared/revisions/pairs.jsonl';
  const pairs: Pair[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  let edits = 0;
  let found = 0;
  let covered = 0;
  let reference = 0;
  let boilerplate = 0;
  let flagged = 0;
  let errors = 0;
  const uncovered = new Uncovered();
  for (const pair of pairs) {
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
      if (pair.kind !== 'boilerplate') edits++;
      console.log(`error ${pair.id}: ${errorMessage(error)}`);
      continue;
    }
    const bodyChanges = diff.changes.filter((c) => c.op !== 'equal');
    if (pair.kind === 'boilerplate') {
      boilerplate++;
      if (diff.changed) {
        flagged++;
        const what = bodyChanges
          .slice(0, 3)
          .map((c) => `${c.op[0]}:${JSON.stringify(c.text.slice(0, 50))}`)
          .join(' | ');
        if (verbose) console.log(`flagged ${pair.id}: ${what || `title ${JSON.stringify(diff.title)}`}`);
      }
      continue;
    }
    if (pair.kind !== 'edit' && pair.kind !== 'rewrite') continue;
    edits++;
    if (!diff.changed) {
      if (verbose) console.log(`missed ${pair.id}`);
      continue;
    }
    found++;
    const want = tokenCounts([...(pair.removed ?? []), ...(pair.added ?? [])]);
    const got = tokenCounts(bodyChanges.map((c) => c.text));
    let hit = 0;
    let total = 0;
    for (const [token, n] of want) {
      hit += Math.min(n, got.get(token) ?? 0);
      total += n;
    }
    covered += hit;
    reference += total;
    uncovered.add(pair, oldText, newText, want, got);
    if (verbose && hit < total) console.log(`partly covered ${pair.id}: ${hit}/${total} changed words`);
  }
  const coverage = reference ? covered / reference : 0;
  // The same share with the reference's glued words left out: words a reader can see on the page.
  const seen = reference - uncovered.glued;
  console.log(`${uncovered}; covered of the words a page shows as words ${(seen ? covered / seen : 0).toFixed(3)}`);
  console.log(
    `pairs ${pairs.length}${errors ? ` errors ${errors}` : ''}  edits found ${found}/${edits}  changed words covered ${coverage.toFixed(3)}  boilerplate pairs flagged ${flagged}/${boilerplate}`,
  );
}

main(process.argv.slice(2));
