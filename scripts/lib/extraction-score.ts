/**
 * The extraction metric of ../shared/tools/score-extraction.py, ported exactly: word tokens,
 * 4-token shingle multisets, per-page precision and recall. Used by `npm run eval` and by the
 * corpus cases in test/extract/corpus.test.ts (no Node APIs: it runs in workerd too).
 */
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
