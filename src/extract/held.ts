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
  const held = (element: Element): boolean => {
    if (!element.block || element.dropped || element.textLen === 0 || element.textLen > MAX_HELD_CHARS) return false;
    const own = (node: Element) => node === element || keep(node);
    const wanted = new Map<string, number>();
    for (const paragraph of paragraphTexts([element], own)) {
      const text = normalizeParagraph(paragraph);
      if (text !== '' && !(lineFurniture(text) && !unclaimed.get(text))) wanted.set(text, (wanted.get(text) ?? 0) + 1);
    }
    if (wanted.size === 0) return false;
    for (const [text, n] of wanted) if ((unclaimed.get(text) ?? 0) < n) return false;
    for (const [text, n] of wanted) unclaimed.set(text, (unclaimed.get(text) as number) - n);
    return true;
  };
  return (element) => keep(element) || held(element);
}
