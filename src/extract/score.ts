/**
 * Finds the article body in the pruned tree. Every block that holds a paragraph of its own scores
 * by its length and commas; the score flows up to its ancestors (fully to the parent, less and less
 * further up), each container's total is weighed by its class/id hints and cut by its link density,
 * and the best container wins, together with the siblings that score close to it.
 */
import { classFactor, isFurniture } from './hints';
import { kindOf, textOf } from './node';
import type { Element } from './tree';

/**
 * Containers that hold paragraphs; other blocks with text give their score to their parent. A
 * table cell is one: an old newspaper layout has the story as one cell's text, split by <br>.
 */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', '#root', 'body', 'center', 'font', 'span', 'td']);
const TAG_FACTOR: Record<string, number> = {
  article: 1.15,
  main: 1.1,
  address: 0.8,
  ol: 0.8,
  ul: 0.8,
  dl: 0.8,
  dd: 0.8,
  dt: 0.8,
  li: 0.8,
  form: 0.8,
  h1: 0.5,
  h2: 0.5,
  h3: 0.5,
  h4: 0.5,
  h5: 0.5,
  h6: 0.5,
  th: 0.5,
  header: 0.6,
};

export function linkDensity(element: Element): number {
  return element.textLen === 0 ? 0 : element.linkLen / element.textLen;
}

/** The body: the best-scoring container and the siblings that belong with it. */
export function findBody(root: Element): Element[] {
  return withSiblings(findTop(root));
}

/** The best-scoring container, grown to what belongs with it; `root` when nothing scores. */
export function findTop(root: Element): Element {
  const candidates: Element[] = [];
  const touch = (element: Element) => {
    if (element.score !== 0) return;
    element.score = 1e-9;
    candidates.push(element);
  };
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    // Furniture is skipped, unless it wraps most of the page (a theme's "has-sidebar" wrapper).
    if (element !== root && (element.dropped || isFurniture(element)) && element.goodLen <= root.goodLen * 0.5) continue;
    for (const child of element.children) if (typeof child !== 'string') stack.push(child);
    if (element.flowLen < 25 || element.flowLinkLen > element.flowLen * 0.5) continue;
    const points = 1 + element.flowCommas + Math.min(3, Math.floor(element.flowLen / 100));
    let ancestor: Element | null = CONTAINERS.has(element.tag) ? element : element.parent;
    for (let level = 0; ancestor && level < 5; level++, ancestor = ancestor.parent) {
      touch(ancestor);
      ancestor.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  if (candidates.length === 0) return root;
  let top = candidates[0];
  let best = -Infinity;
  for (const candidate of candidates) {
    candidate.score *= (1 - linkDensity(candidate)) * classFactor(candidate) * (TAG_FACTOR[candidate.tag] ?? 1);
    if (candidate.score > best) {
      best = candidate.score;
      top = candidate;
    }
  }
  top = shareAncestor(top, candidates);
  top = climb(top);
  return gatherKind(expand(top));
}

/**
 * The story split into blocks of one kind, each in a wrapper of its own (a section per step of a
 * guide): the body is the nearest ancestor, a few levels up, that holds another block of its kind
 * with paragraphs, when what it adds is mostly paragraphs and no column of teasers.
 */
function gatherKind(top: Element): Element {
  const kind = kindOf(top);
  if (kind === '') return top;
  let ancestor = top.parent;
  for (let level = 0; ancestor && ancestor.tag !== '#root' && level < GATHER_LEVELS; level++, ancestor = ancestor.parent) {
    if (ancestor.goodLen - top.goodLen < (ancestor.textLen - top.textLen) * 0.5) continue;
    if (!holdsKind(ancestor, top, kind)) continue;
    return addsTeasers(ancestor, top) ? top : ancestor;
  }
  return top;
}

/** Levels above the body looked at for another block of its kind. */
const GATHER_LEVELS = 4;
/** Paragraph text another block of the body's kind holds to be a part of the same story. */
const GATHER_MIN_GOOD = 150;

function holdsKind(ancestor: Element, top: Element, kind: string): boolean {
  const stack: Element[] = [ancestor];
  for (let seen = 0; stack.length > 0 && seen < KIND_SEARCH_LIMIT; seen++) {
    const element = stack.pop() as Element;
    if (element === top) continue;
    if (element !== ancestor && element.goodLen >= GATHER_MIN_GOOD && kindOf(element) === kind) return true;
    for (const child of element.children) if (typeof child !== 'string' && child.block && !child.dropped && child.goodLen > 0) stack.push(child);
  }
  return false;
}

/** When several near-best candidates sit under one ancestor of the best, the body is that ancestor. */
function shareAncestor(top: Element, candidates: Element[]): Element {
  const alternatives = candidates.filter((c) => c !== top && c.score >= top.score * 0.75 && !contains(c, top) && !contains(top, c));
  if (alternatives.length < 2) return top;
  const needed = Math.min(3, alternatives.length);
  for (let ancestor = top.parent; ancestor && ancestor.tag !== '#root'; ancestor = ancestor.parent) {
    let count = 0;
    for (const alternative of alternatives) if (contains(ancestor, alternative)) count++;
    if (count >= needed) return ancestor;
  }
  return top;
}

function contains(ancestor: Element, element: Element): boolean {
  for (let node = element.parent; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/** Moves up to an ancestor that scores nearly as well: the body was split into several columns. */
function climb(top: Element): Element {
  const threshold = top.score * 0.75;
  let best = top;
  for (let parent = top.parent; parent && parent.tag !== '#root'; parent = parent.parent) {
    if (parent.score >= threshold) best = parent;
  }
  return best;
}

/**
 * Moves up while the parent adds a good share of paragraph text and little else: page builders
 * split one article over sibling sections that each score alone.
 */
function expand(top: Element): Element {
  for (let parent = top.parent; parent && parent.tag !== '#root'; parent = parent.parent) {
    const addedGood = parent.goodLen - top.goodLen;
    const addedText = parent.textLen - top.textLen;
    const addedLinks = parent.linkLen - top.linkLen;
    if (addedText <= 0 || (addedText < 50 && addedText < top.textLen * 0.05 && (addedText < 20 || addedLinks * 2 < addedText))) {
      // Nothing, or a wrapper's "Read more" toggle: no reason to stop here. A few links more (a
      // cell of other stories' headlines beside a story laid out in a table) are a reason.
      top = parent;
      continue;
    }
    // A small addition is taken only when it is nearly all paragraph text (an intro, a lead).
    if (addedGood < addedText * 0.5) break;
    if (addedGood < top.goodLen * 0.1 && (addedGood < addedText * 0.8 || textBefore(parent, top) < addedText * 0.8)) break;
    if (parent.linkLen - top.linkLen > addedText * 0.25 && !holdsAnotherOf(parent, top)) break;
    if (addsTeasers(parent, top)) break;
    top = parent;
  }
  return top;
}

/**
 * Whether what `parent` adds beside `top` is a column of teasers: blocks whose headings link to
 * other pages (a "More news" column of cards, each a linked headline and its summary). An
 * article's own sections have headings that link nowhere, or to a place on the same page.
 */
function addsTeasers(parent: Element, top: Element): boolean {
  let headings = 0;
  let linked = 0;
  const stack: Element[] = [];
  for (const child of parent.children) if (typeof child !== 'string' && !contains(child, top) && child !== top && child.headings > 0) stack.push(child);
  for (let seen = 0; stack.length > 0 && seen < KIND_SEARCH_LIMIT; seen++) {
    const element = stack.pop() as Element;
    if (HEADING.test(element.tag)) {
      headings++;
      if (linksAway(element)) linked++;
      continue;
    }
    for (const child of element.children) if (typeof child !== 'string' && (child.headings > 0 || HEADING.test(child.tag))) stack.push(child);
  }
  return headings >= 2 && linked * 3 >= headings * 2;
}

const HEADING = /^h[2-6]$/;

/**
 * A heading that is a link, or sits in one (`<a><h3>…</h3></a>`): most of its text is link text.
 * A permalink anchor beside a section heading ("#", "¶") is a sliver of it.
 */
function linksAway(heading: Element): boolean {
  return heading.textLen > 0 && heading.linkLen * 2 >= heading.textLen;
}

/**
 * Whether `parent` holds, beside `top`, another block of its kind (same tag and classes) with
 * paragraph text: a page builder's next section of the same article. The links around them then
 * belong to furniture the body leaves out later, not to another column.
 */
function holdsAnotherOf(parent: Element, top: Element): boolean {
  if (top.hint === '') return false;
  const stack: Element[] = [parent];
  for (let seen = 0; stack.length > 0 && seen < KIND_SEARCH_LIMIT; seen++) {
    const element = stack.pop() as Element;
    if (element === top) continue;
    if (element !== parent && element.tag === top.tag && element.hint === top.hint && element.goodLen > 0) return true;
    for (const child of element.children) if (typeof child !== 'string' && child.block && !child.dropped) stack.push(child);
  }
  return false;
}

/** Blocks looked at for another of the body's kind. */
const KIND_SEARCH_LIMIT = 2_000;

/** Text of the children of `parent` that come before the one holding `top`. */
function textBefore(parent: Element, top: Element): number {
  let branch: Element = top;
  while (branch.parent && branch.parent !== parent) branch = branch.parent;
  let len = 0;
  for (const child of parent.children) {
    if (child === branch) break;
    len += typeof child === 'string' ? child.length : child.textLen;
  }
  return len;
}

/** The body's top container and the blocks beside it that belong with it (score, class, plain paragraphs). */
export function withSiblings(top: Element): Element[] {
  const parent = top.parent;
  if (!parent) return [top];
  const threshold = Math.max(10, top.score * 0.2);
  const kept: Element[] = [];
  for (const sibling of parent.children) {
    if (typeof sibling === 'string') continue;
    if (sibling === top) {
      kept.push(sibling);
      continue;
    }
    if (!sibling.block || sibling.dropped || isFurniture(sibling)) continue;
    let bonus = 0;
    if (top.attrs.class && sibling.attrs.class === top.attrs.class) bonus = top.score * 0.2;
    if (sibling.score + bonus >= threshold) {
      kept.push(sibling);
      continue;
    }
    if (sibling.tag === 'p') {
      const density = linkDensity(sibling);
      if (sibling.flowLen > 80 && density < 0.25) kept.push(sibling);
      else if (sibling.flowLen > 0 && density === 0 && /\.( |$)/.test(textOf(sibling))) kept.push(sibling);
    }
  }
  return kept;
}
