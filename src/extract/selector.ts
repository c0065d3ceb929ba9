/**
 * The small CSS selector subset site rules need: `tag`, `.class`, `#id`, `[attr]`, `[attr=value]`,
 * compounds of those (`div.story-body`), descendant combinators (`article .body`) and comma lists.
 * Matched against the pruned tree, iteratively.
 */
import type { Element } from './node';

interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: Array<[string, string | null]>;
}

/** A selector list: each entry is a descendant chain, outermost first. */
export type Selector = Compound[][];

const TOKEN = /([.#]?[\w-]+)|\[\s*([\w:-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*\]/gy;

/** Parses a selector; throws on syntax outside the subset, so a bad rule fails its own test. */
export function parseSelector(source: string): Selector {
  return source.split(',').map((part) => {
    const chain = part.trim().split(/\s+/).filter(Boolean).map(parseCompound);
    if (chain.length === 0) throw new Error(`empty selector in "${source}"`);
    return chain;
  });
}

function parseCompound(text: string): Compound {
  const compound: Compound = { tag: null, id: null, classes: [], attrs: [] };
  TOKEN.lastIndex = 0;
  let end = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    end = TOKEN.lastIndex;
    const simple = m[1];
    if (simple?.startsWith('.')) compound.classes.push(simple.slice(1));
    else if (simple?.startsWith('#')) compound.id = simple.slice(1);
    else if (simple) compound.tag = simple.toLowerCase();
    else compound.attrs.push([m[2].toLowerCase(), m[3] ?? m[4] ?? m[5] ?? null]);
    if (end === text.length) break;
  }
  if (end !== text.length) throw new Error(`unsupported selector "${text}"`);
  return compound;
}

function matchesCompound(element: Element, compound: Compound): boolean {
  if (compound.tag !== null && element.tag !== compound.tag) return false;
  const attrs = element.attrs;
  if (compound.id !== null && attrs.id !== compound.id) return false;
  if (compound.classes.length > 0) {
    const classes = (attrs.class ?? '').split(/\s+/);
    for (const name of compound.classes) if (!classes.includes(name)) return false;
  }
  for (const [name, value] of compound.attrs) {
    const actual = attrs[name];
    if (actual === undefined || (value !== null && actual !== value)) return false;
  }
  return true;
}

/** True when the element matches one of the selector's chains. */
export function matches(element: Element, selector: Selector): boolean {
  return selector.some((chain) => {
    if (!matchesCompound(element, chain[chain.length - 1])) return false;
    let i = chain.length - 2;
    for (let node = element.parent; node && i >= 0; node = node.parent) if (matchesCompound(node, chain[i])) i--;
    return i < 0;
  });
}

/** Every element under root matching the selector, in document order, not descending into matches. */
export function selectAll(root: Element, selector: Selector): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    if (element !== root && matches(element, selector)) {
      found.push(element);
      continue;
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return found;
}
