/**
 * Snippets for feeds and change lists: each cluster of nearby edits with a few words of
 * unchanged context either side, instead of the whole article.
 *
 * `contextSnippets(diff, contextWords = 8)` returns one DiffChange[] per cluster, in reading
 * order. Each snippet is: up to `contextWords` equal words before the first edit, the edits
 * (with the equal text between them, whole), and up to `contextWords` equal words after.
 * Two edits share a snippet when at most 2 x `contextWords` words separate them. Context never
 * crosses a paragraph break; where it was cut inside a paragraph, it carries ELLIPSIS ("…").
 * Joining a snippet's equal+delete texts (minus the ellipses) gives a stretch of the old text,
 * equal+insert a stretch of the new. A diff without body edits has no snippets.
 */
import type { Diff, DiffChange } from '../model/diff';
import { isSpaceCode } from './char-class';

export const ELLIPSIS = '…';

export function contextSnippets(diff: Diff, contextWords = 8): DiffChange[][] {
  const changes = diff.changes;
  const words = Math.max(0, Math.floor(contextWords));
  const snippets: DiffChange[][] = [];
  let k = 0;
  while (k < changes.length) {
    if (changes[k].op === 'equal') {
      k++;
      continue;
    }
    const snippet: DiffChange[] = [];
    const before = k > 0 ? leadingContext(changes[k - 1].text, words) : '';
    if (before) snippet.push({ op: 'equal', text: before });
    let last = k;
    for (let m = k; m < changes.length; m++) {
      const change = changes[m];
      if (change.op !== 'equal') last = m;
      else if (m === changes.length - 1 || !hasAtMostWords(change.text, 2 * words)) break;
    }
    for (let m = k; m <= last; m++) snippet.push({ ...changes[m] });
    const after = last + 1 < changes.length ? trailingContext(changes[last + 1].text, words) : '';
    if (after) snippet.push({ op: 'equal', text: after });
    snippets.push(snippet);
    k = last + 1;
  }
  return snippets;
}

/** The last `count` words of `text` within its last paragraph, "… "-prefixed when cut. */
function leadingContext(text: string, count: number): string {
  let pos = text.length;
  let seen = 0;
  while (pos > 0) {
    const c = text.charCodeAt(pos - 1);
    if (c === 10) return text.slice(pos);
    if (isSpaceCode(c)) {
      pos--;
      continue;
    }
    if (seen === count) return `${ELLIPSIS} ${text.slice(pos).trimStart()}`;
    while (pos > 0 && !isSpaceCode(text.charCodeAt(pos - 1))) pos--;
    seen++;
  }
  return text;
}

/** The first `count` words of `text` within its first paragraph, " …"-suffixed when cut. */
function trailingContext(text: string, count: number): string {
  let pos = 0;
  let seen = 0;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 10) return text.slice(0, pos);
    if (isSpaceCode(c)) {
      pos++;
      continue;
    }
    if (seen === count) return `${text.slice(0, pos).trimEnd()} ${ELLIPSIS}`;
    while (pos < text.length && !isSpaceCode(text.charCodeAt(pos))) pos++;
    seen++;
  }
  return text;
}

/** Whether `text` has at most `limit` words; stops counting early. */
function hasAtMostWords(text: string, limit: number): boolean {
  let seen = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord && ++seen > limit) return false;
    inWord = !space;
  }
  return true;
}
