/**
 * `npm run eval:revisions -- [PAIRS.jsonl] [-v]`: change detection on real consecutive versions
 * of the same pages (default ../shared/revisions/pairs.jsonl), through the very extractor and
 * differ a check runs (as `npm run compare -- --pairs`), scored as ../shared/tools/score-revisions.py
 * scores it: an edit pair is found when the Diff says changed; changed words covered is the share of
 * the reference's changed word tokens (a multiset) found in the Diff's inserted and deleted text; a
 * boilerplate pair (the same main text) is flagged when the Diff says changed.
 * `-v` lists every miss and every flagged boilerplate pair first. The last line is the summary:
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
  for (const pair of pairs) {
    let diff: Diff;
    try {
      diff = diffVersions(readArticle(pair.old), readArticle(pair.new));
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
    if (verbose && hit < total) console.log(`partly covered ${pair.id}: ${hit}/${total} changed words`);
  }
  const coverage = reference ? covered / reference : 0;
  console.log(
    `pairs ${pairs.length}${errors ? ` errors ${errors}` : ''}  edits found ${found}/${edits}  changed words covered ${coverage.toFixed(3)}  boilerplate pairs flagged ${flagged}/${boilerplate}`,
  );
}

main(process.argv.slice(2));
