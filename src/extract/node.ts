/** One element of the pruned tree that tree.ts builds and scoring, cleaning, selectors and text read. */
export interface Element {
  tag: string;
  attrs: Record<string, string>;
  parent: Element | null;
  children: Node[];
  /** Lower-cased `id` and `class`, what the class/id hints look at. */
  hint: string;
  /** Block-level: starts a new paragraph in the text and can hold a paragraph of its own. */
  block: boolean;
  /** Characters of visible text in the subtree (whitespace runs count as one). */
  textLen: number;
  /** Characters of that text inside links. */
  linkLen: number;
  /** Text in this element's own inline flow (not inside a block child): what makes it a paragraph. */
  flowLen: number;
  flowLinkLen: number;
  flowCommas: number;
  /** Commas in the subtree's text. */
  commas: number;
  /** Descendant counts used by scoring and cleaning. */
  paragraphs: number;
  listItems: number;
  images: number;
  inputs: number;
  headings: number;
  /** Text in the subtree's real paragraphs: blocks with 25+ characters of their own, mostly not links. */
  goodLen: number;
  /** Set by scoring. */
  score: number;
  /** Memos of hints.ts: class weight (NaN until asked) and furniture verdict (null until asked). */
  weight: number;
  furniture: boolean | null;
  dropped: boolean;
  /** Hidden, but a button on the page opens it (aria-controls): a collapsed panel, kept. */
  opened?: boolean;
}

export type Node = Element | string;

/**
 * The text of a subtree in reading order, raw (not normalized); stops once it holds `maxChars` or
 * more. `enter` says which descendants are read (all, unless told: a byline leaves hidden ones out).
 */
export function textOf(element: Element, maxChars = Number.POSITIVE_INFINITY, enter?: (descendant: Element) => boolean): string {
  let text = '';
  const stack: Node[] = [element];
  while (stack.length > 0 && text.length < maxChars) {
    const node = stack.pop() as Node;
    if (typeof node === 'string') text += node;
    else if (node === element || !enter || enter(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return text;
}

/**
 * What kind of block an element is: its tag and classes, '' for an element without classes. Not
 * its id: an id names one element, so two cards, steps or sections of one kind never share it.
 * Nor its modifier classes (BEM's `block--modifier`, a grid's `GridColumn--md--12`): they say which
 * variant or how wide, and the cards of one list differ in them.
 */
export function kindOf(element: Element): string {
  const cls = element.attrs.class;
  if (!cls) return '';
  const classes = cls
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((name) => !name.includes('--'))
    .join(' ');
  return classes === '' ? '' : `${element.tag} ${classes}`;
}
