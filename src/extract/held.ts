/**
 * Blocks the previous version held: a check knows the text it stored last time, and a block of the
 * page whose paragraphs were all in that text stays in while it is on the page unchanged, even when
 * the furniture rules would now leave it out. Those rules weigh a block against what surrounds it
 * (links against words, one card against the others of its kind), so one paragraph gone elsewhere
 * could tip a card's headline and byline, a date line or a list out of the text, and the diff showed
 * them removed though nobody touched them. A block whose words changed is judged afresh.
 */
import { normalizeParagraph } from './normalize';
import { paragraphTexts } from './text';
import type { Element } from './tree';

/** A block longer than this is judged by the rules alone (the check stays cheap on huge menus). */
const MAX_HELD_CHARS = 5_000;

/**
 * `keep` widened to the blocks `previousText` held. Each paragraph of the previous text holds one
 * block once: a paragraph the body already keeps, or a second copy of it elsewhere on the page (a
 * pull quote, a mobile duplicate), is not brought in again. A line the line filters take out by
 * its words (`lineFurniture`: a byline or date at the text's edge, "Advertisement") may sit in a
 * held block without being in the previous text.
 */
export function heldBefore(
  previousText: string,
  body: Element[],
  keep: (element: Element) => boolean,
  lineFurniture: (line: string) => boolean,
): (element: Element) => boolean {
  const unclaimed = new Map<string, number>();
  for (const paragraph of previousText.split('\n\n')) unclaimed.set(paragraph, (unclaimed.get(paragraph) ?? 0) + 1);
  for (const paragraph of paragraphTexts(body, keep)) {
    const text = normalizeParagraph(paragraph);
    const left = unclaimed.get(text);
    if (left !== undefined) unclaimed.set(text, left - 1);
  }
  /**
   * The lines `element` shows where `own` decides on its descendants, a line the line filters take
   * out by its words left out unless the previous text held it; the blocks `own` refused go to `refused`.
   */
  const linesOf = (element: Element, own: (node: Element) => boolean, refused: Element[]): Map<string, number> => {
    const deciding = (node: Element): boolean => {
      if (own(node)) return true;
      if (node.block && !node.dropped && node.textLen > 0) refused.push(node);
      return false;
    };
    const lines = new Map<string, number>();
    for (const paragraph of paragraphTexts([element], deciding)) {
      const text = normalizeParagraph(paragraph);
      if (text !== '' && !(lineFurniture(text) && !unclaimed.get(text))) lines.set(text, (lines.get(text) ?? 0) + 1);
    }
    return lines;
  };
  /** Whether the previous text holds `lines` beside the lines already `taken`. */
  const available = (lines: Map<string, number>, taken: Map<string, number>): boolean => {
    for (const [text, n] of lines) if ((unclaimed.get(text) ?? 0) - (taken.get(text) ?? 0) < n) return false;
    return true;
  };
  const add = (into: Map<string, number>, lines: Map<string, number>) => {
    for (const [text, n] of lines) into.set(text, (into.get(text) ?? 0) + n);
  };
  /**
   * What `element` shows where the rules decide, and, in document order, each block inside it
   * that they leave out whose own lines (read the same way) the previous text holds beside those
   * already taken: a callout left with its heading and its button once its paragraph went, an
   * author box left with the name. Null when the previous text does not hold what the rules keep.
   */
  const gather = (element: Element, taken: Map<string, number>): { lines: Map<string, number>; blocks: Element[] } | null => {
    const refused: Element[] = [];
    const lines = linesOf(element, (node) => node === element || keep(node), refused);
    if (!available(lines, taken)) return null;
    const all = new Map(taken);
    add(all, lines);
    const blocks: Element[] = [];
    for (const block of refused) {
      const inner = gather(block, all);
      if (inner === null || inner.lines.size === 0) continue;
      add(all, inner.lines);
      add(lines, inner.lines);
      blocks.push(block, ...inner.blocks);
    }
    return { lines, blocks };
  };
  /** Blocks inside a held block that the rules leave out but that it was read with. */
  const within = new Set<Element>();
  const held = (element: Element): boolean => {
    if (!element.block || element.dropped || element.textLen === 0 || element.textLen > MAX_HELD_CHARS) return false;
    const found = gather(element, new Map());
    if (found === null || found.lines.size === 0) return false;
    for (const [text, n] of found.lines) unclaimed.set(text, (unclaimed.get(text) as number) - n);
    for (const block of found.blocks) within.add(block);
    return true;
  };
  return (element) => keep(element) || within.has(element) || held(element);
}
