/**
 * Where an article's body sat in its page: a path of tags, ids and classes from the root. A check
 * stores it with the article and hands it to the next extraction of the same page, which keeps that
 * block while it still holds the story (see `keptTop`). Scoring alone can flip to another block
 * when one paragraph goes (a footer column, a caption, a table cell, a parent with a column of
 * teasers then outscores what is left), and the diff would show the whole story replaced; a page
 * whose story moved elsewhere still gets what scoring finds.
 */
import type { Element } from './node';

/** A longer path (a page nested absurdly deep) is not kept: the next check scores afresh. */
export const MAX_BODY_PATH = 1_000;

/** `tag#id.class1.class2`, with `:k` for the k-th earlier sibling of the same step (k ≥ 1). */
function stepOf(element: Element): string {
  const id = element.attrs.id ? `#${element.attrs.id.trim()}` : '';
  const classes = (element.attrs.class ?? '').trim().split(/\s+/).filter(Boolean);
  return `${element.tag}${id}${classes.map((c) => `.${c}`).join('')}`;
}

function indexedStep(element: Element): string {
  const step = stepOf(element);
  let k = 0;
  for (const sibling of element.parent?.children ?? []) {
    if (sibling === element) break;
    if (typeof sibling !== 'string' && stepOf(sibling) === step) k++;
  }
  return k === 0 ? step : `${step}:${k}`;
}

/** The element's path from the root (the root itself is ''), or null when it is too long to keep. */
export function pathOf(element: Element): string | null {
  const steps: string[] = [];
  for (let node: Element | null = element; node?.parent; node = node.parent) steps.push(indexedStep(node));
  const path = steps.reverse().join(' > ');
  return path.length <= MAX_BODY_PATH ? path : null;
}

/** The element at `path` in this page, or null when the page has no such element. */
export function atPath(root: Element, path: string): Element | null {
  let node = root;
  for (const step of path === '' ? [] : path.split(' > ')) {
    let next: Element | null = null;
    for (const child of node.children) {
      if (typeof child !== 'string' && indexedStep(child) === step) {
        next = child;
        break;
      }
    }
    if (!next) return null;
    node = next;
  }
  return node;
}

/**
 * The block to take as the body's top, given the one scoring chose and the path of the body the
 * previous version was read from: that block when this page still has it and it still holds the
 * story (at least a third of the paragraph text of the block scoring chose); else scoring's choice.
 * A parent that outscores it after one paragraph went is not taken either (it brings a column of
 * teasers along): a new section beside the block still comes in as one of its siblings.
 */
export function keptTop(root: Element, chosen: Element, previousPath: string | null | undefined): Element {
  if (!previousPath) return chosen;
  const previous = atPath(root, previousPath);
  if (!previous || previous === chosen || previous.dropped || previous.goodLen === 0) return chosen;
  return previous.goodLen * 3 >= chosen.goodLen ? previous : chosen;
}
