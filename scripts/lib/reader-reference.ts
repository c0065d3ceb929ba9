/**
 * The revision pairs' reference word diff, cut again from the text a reader sees.
 *
 * Each pair's `meta.json` names the hand-chosen container its reference was read from. The shared
 * reference is that container's `textContent` diffed in whitespace-delimited chunks (`cutDiff(…,
 * 'textContent')` reproduces it exactly on 53 of the 56 pairs). `textContent` runs blocks together
 * where the markup has no whitespace between them ("…GmbH</p><p>Frankenallee…" is one word) and
 * keeps the source of inline scripts, so part of that reference is words no reader sees. The
 * `'reader'` cut is the same container and the same chunk diff, with a break at every block
 * boundary and `<br>` and without script, style, noscript and template elements.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffArrays } from 'diff';
import { parseHTML } from 'linkedom';
import { blockParagraphs } from './readability-baseline';

export type Cut = 'textContent' | 'reader';

export interface ReferenceDiff {
  removed: string[];
  added: string[];
}

/** score-revisions.py: "the reference keeps at most 20 hunks per side". */
const HUNKS_KEPT = 20;

/** The reference diff of a pair whose old and new pages sit beside a meta.json; null without one. */
export function cutDiff(oldPath: string, newPath: string, cut: Cut): ReferenceDiff | null {
  const metaPath = join(dirname(oldPath), 'meta.json');
  if (!existsSync(metaPath)) return null;
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { old: { selector: string }; new: { selector: string } };
  return chunkDiff(containerText(oldPath, meta.old.selector, cut), containerText(newPath, meta.new.selector, cut));
}

function containerText(path: string, selector: string, cut: Cut): string {
  const { document } = parseHTML(readFileSync(path, 'utf8'));
  const container = document.querySelector(selector);
  if (!container) throw new Error(`${path}: no element matches ${selector}`);
  if (cut === 'textContent') return container.textContent ?? '';
  for (const unseen of [...container.querySelectorAll('script, style, noscript, template')]) unseen.remove();
  return blockParagraphs(container as unknown as Parameters<typeof blockParagraphs>[0]).join('\n\n');
}

/** A minimal diff of whitespace-delimited chunks, each run of removed or added chunks one hunk. */
export function chunkDiff(oldText: string, newText: string, hunksKept = HUNKS_KEPT): ReferenceDiff {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffArrays(oldText.match(/\S+/g) ?? [], newText.match(/\S+/g) ?? [])) {
    if (part.removed) removed.push(part.value.join(' '));
    else if (part.added) added.push(part.value.join(' '));
  }
  return { removed: removed.slice(0, hunksKept), added: added.slice(0, hunksKept) };
}
