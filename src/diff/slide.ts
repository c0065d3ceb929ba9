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
import type { DiffChange } from '../model/diff';

/** Tokens a hunk may move either way, and the longest hunk that is moved at all. */
const MAX_SHIFT = 64;
const MAX_HUNK_CHARS = 4_000;
const SENTENCE_END = /[.!?…。！？؟।:;]["'”’»)\]]*$/u;

export function slideHunks(changes: readonly DiffChange[]): DiffChange[] {
  // New texts by index, for the few entries a slide changes; most hunks cannot slide at all.
  const moved = new Map<number, string>();
  const textAt = (k: number) => (k < 0 || k >= changes.length ? '' : (moved.get(k) ?? changes[k].text));
  for (let k = 0; k < changes.length; k++) {
    const hunk = changes[k];
    if (hunk.op === 'equal' || hunk.text.length > MAX_HUNK_CHARS) continue;
    // Lone: the only edit between two equal runs (a replacement has nothing to slide along).
    if ((k > 0 && changes[k - 1].op !== 'equal') || (k + 1 < changes.length && changes[k + 1].op !== 'equal')) continue;
    const before = textAt(k - 1);
    const text = textAt(k);
    const after = textAt(k + 1);
    const canUp = before !== '' && before.charCodeAt(before.length - 1) === text.charCodeAt(text.length - 1);
    const canDown = after !== '' && after.charCodeAt(0) === text.charCodeAt(0);
    if (!canUp && !canDown) continue;
    const best = bestSpot(before, text, after);
    if (!best) continue;
    moved.set(k - 1, best.before);
    moved.set(k, best.hunk);
    moved.set(k + 1, best.after);
  }
  if (moved.size === 0) return changes as DiffChange[];
  const list = new ChangeList();
  // A hunk at either end may have slid text into an equal run that was not there.
  list.equal(moved.get(-1) ?? '');
  for (let k = 0; k < changes.length; k++) list.add(changes[k].op, moved.get(k) ?? changes[k].text);
  list.equal(moved.get(changes.length) ?? '');
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

/**
 * Whole paragraphs count most (a paragraph moved or inserted is that paragraph, not the quote
 * mark the paragraph before it ends with and then the rest), then starting a sentence, then
 * ending one, then starting on a word and not a space.
 */
function score({ before, hunk, after }: Spot): number {
  const wholeParagraphs = (before === '' || before.endsWith('\n') || hunk.startsWith('\n')) && (after === '' || after.startsWith('\n') || hunk.endsWith('\n'));
  const startsSentence = before.trimEnd() === '' || before.endsWith('\n') || SENTENCE_END.test(before.trimEnd());
  const endsSentence = SENTENCE_END.test(hunk.trimEnd());
  const startsWord = !/^[^\S\n]/.test(hunk);
  return (wholeParagraphs ? 8 : 0) + (startsSentence ? 4 : 0) + (endsSentence ? 2 : 0) + (startsWord ? 1 : 0);
}

function lastToken(text: string): string | undefined {
  const tail = tokenize(text.slice(-200));
  return tail.length > 1 || tail.join('').length === text.length ? tail.at(-1) : undefined;
}

function firstToken(text: string): string | undefined {
  const head = tokenize(text.slice(0, 200));
  return head.length > 1 || head.join('').length === text.length ? head[0] : undefined;
}
