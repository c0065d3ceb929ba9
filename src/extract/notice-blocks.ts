/**
 * Correction notices in an <aside> or a <footer> inside the story. Those tags are page furniture
 * (tree.ts drops them: a sidebar, a pull quote, a site footer), but a newsroom often sets the
 * correction or editor's note it attaches to a story in one ("<aside class="correction"><p>Correction:
 * An earlier version …</p></aside>", "<footer><p>Korrektur: …</p></footer>"), and a reader sees it as
 * part of the article. So inside the body, such an aside or footer gives back the blocks that are
 * a notice (notices.ts) and nothing else: a sidebar, a pull quote or a tag list beside them stays out.
 */
import { countWords } from '../diff/tokens';
import { isFurniture } from './hints';
import { normalizeParagraph } from './normalize';
import { isEditorialNotice, isNoticeLabel } from './notices';
import { paragraphTexts } from './text';
import { isHiddenElement, type Element } from './tree';

/** Tags dropped as furniture that may hold a story's notice. */
const NOTICE_CONTAINERS = new Set(['aside', 'footer']);
/** A block longer than this is not one notice: its children are looked at instead. */
const MAX_NOTICE_CHARS = 2_000;
/** Fewest words a notice says (with its label): a lone "Corrections" link in a footer is none. */
const MIN_NOTICE_WORDS = 4;

/** What a reader sees of a block: everything but what is hidden. */
const visible = (element: Element) => !isHiddenElement(element);

/**
 * Which blocks of the asides and footers a body filter meets are a story's notices. `enter` is
 * asked about an aside or footer the filter would drop by its tag; `verdict` then decides for the
 * elements inside it: true for a notice and the blocks that lead to it, false for the others
 * beside them, undefined for elements it has no word on (those inside a notice go by the rules).
 */
export class StoryNotices {
  private readonly keep = new Set<Element>();
  private readonly out = new Set<Element>();

  /** True when `container` (an aside or footer dropped by its tag) holds a notice of the story. */
  enter(container: Element): boolean {
    if (!NOTICE_CONTAINERS.has(container.tag) || isHiddenElement(container) || isFurniture(container)) return false;
    const found: Element[] = [];
    findNotices(container, found);
    if (found.length === 0) return false;
    for (const notice of found) {
      for (let node: Element | null = notice; node && !this.keep.has(node); node = node === container ? null : node.parent) this.keep.add(node);
    }
    // Beside the notices, inside the blocks that lead to them, everything else stays out.
    for (const node of this.keep) {
      if (found.includes(node)) continue;
      for (const child of node.children) if (typeof child !== 'string' && !this.keep.has(child)) this.out.add(child);
    }
    return true;
  }

  verdict(element: Element): boolean | undefined {
    if (this.keep.has(element)) return true;
    if (this.out.has(element)) return false;
    return undefined;
  }
}

/** The outermost blocks under `element` (or itself) whose text opens with a notice. */
function findNotices(element: Element, found: Element[]): void {
  if (element.textLen === 0) return;
  if (element.textLen <= MAX_NOTICE_CHARS && element.linkLen * 2 < element.textLen && opensWithNotice(element)) {
    found.push(element);
    return;
  }
  for (const child of element.children) {
    if (typeof child === 'string' || !child.block || isHiddenElement(child) || isFurniture(child)) continue;
    if (child.dropped && !NOTICE_CONTAINERS.has(child.tag)) continue;
    findNotices(child, found);
  }
}

/** Its first paragraph is a notice, or a notice's label over the paragraph that says it. */
function opensWithNotice(element: Element): boolean {
  const lines = paragraphTexts([element], visible)
    .map(normalizeParagraph)
    .filter((line) => line !== '');
  if (lines.length === 0) return false;
  const lead = isNoticeLabel(lines[0]) && lines.length > 1 ? `${lines[0].replace(/[\s:：]+$/u, '')}: ${lines[1]}` : lines[0];
  // Words as readers count them: a notice in Chinese or Japanese has no spaces between its words.
  return isEditorialNotice(lead) && countWords(lead) >= MIN_NOTICE_WORDS;
}
