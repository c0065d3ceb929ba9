/**
 * Hunks slid to natural boundaries. A run of words inserted or deleted beside words that repeat
 * it can be placed in several spots that all rebuild the same texts: "comes standard ... Connect.
 * It" or "It comes standard ... Connect.". The shared head and tail cut by characters, and the
 * diff itself, pick one by chance. Like git's indent heuristic for lines, each lone insertion or
 * deletion moves, among the spots that are equally correct, to the one that starts a sentence
 * and ends one; else it stays where it was, starting on a word rather than a space.
 */
import { ChangeList } from './changes';
import { tokenize } from './tokens';
import type { DiffChange } from './types';

/** Tokens a hunk may move either way, and the longest hunk that is moved at all. */
const MAX_SHIFT = 64;
const MAX_HUNK_CHARS = 4_000;
const SENTENCE_END = /[.!?…。！？؟।:;]["'”’»)\]]*$/u;

export function slideHunks(changes: readonly DiffChange[]): DiffChange[] {
  if (changes.length < 2) return [...changes];
  const out: DiffChange[] = changes.map((c) => ({ ...c }));
  for (let k = 0; k < out.length; k++) {
    const hunk = out[k];
    if (hunk.op === 'equal' || hunk.text.length > MAX_HUNK_CHARS) continue;
    const before = out[k - 1];
    const after = out[k + 1];
    // Lone: the only edit between two equal runs (a replacement has nothing to slide along).
    if ((before && before.op !== 'equal') || (after && after.op !== 'equal')) continue;
    const best = bestSpot(before?.text ?? '', hunk.text, after?.text ?? '');
    if (!best) continue;
    if (before) before.text = best.before;
    hunk.text = best.hunk;
    if (after) after.text = best.after;
  }
  const list = new ChangeList();
  list.addAll(out);
  return list.finish();
}

interface Spot {
  before: string;
  hunk: string;
  after: string;
}

/** The best spot for `hunk` between `before` and `after`, or null when it stays. */
function bestSpot(before: string, hunk: string, after: string): Spot | null {
  const original: Spot = { before, hunk, after };
  let best = original;
  let bestScore = score(original);
  // Up: the hunk's last token also ends the text before it.
  let spot = original;
  for (let n = 0; n < MAX_SHIFT; n++) {
    const last = lastToken(spot.hunk);
    if (!last || !spot.before.endsWith(last)) break;
    spot = { before: spot.before.slice(0, -last.length), hunk: last + spot.hunk.slice(0, -last.length), after: last + spot.after };
    const s = score(spot);
    if (s > bestScore) [best, bestScore] = [spot, s];
  }
  // Down: the hunk's first token also starts the text after it.
  spot = original;
  for (let n = 0; n < MAX_SHIFT; n++) {
    const first = firstToken(spot.hunk);
    if (!first || !spot.after.startsWith(first)) break;
    spot = { before: spot.before + first, hunk: spot.hunk.slice(first.length) + first, after: spot.after.slice(first.length) };
    const s = score(spot);
    if (s > bestScore) [best, bestScore] = [spot, s];
  }
  return best === original ? null : best;
}

/** Starting a sentence counts most, then ending one, then starting on a word and not a space. */
function score({ before, hunk }: Spot): number {
  const startsSentence = before.trimEnd() === '' || before.endsWith('\n') || SENTENCE_END.test(before.trimEnd());
  const endsSentence = SENTENCE_END.test(hunk.trimEnd());
  const startsWord = !/^\s/.test(hunk);
  return (startsSentence ? 4 : 0) + (endsSentence ? 2 : 0) + (startsWord ? 1 : 0);
}

function lastToken(text: string): string | undefined {
  const tail = tokenize(text.slice(-200));
  return tail.length > 1 || tail.join('').length === text.length ? tail.at(-1) : undefined;
}

function firstToken(text: string): string | undefined {
  const head = tokenize(text.slice(0, 200));
  return head.length > 1 || head.join('').length === text.length ? head[0] : undefined;
}
