/**
 * The article's standfirst (dek, summary, chapô, Vorspann): the sentence or two under the headline
 * that editors rewrite as a story develops ("passed 7-2" -> "passed 5-4"). It often sits in the
 * article's header beside the headline and byline, which extraction leaves out with the header, but
 * a reader sees it as part of the article, so it opens the text when the body does not hold it.
 * Found by its class name, before the body, inside the article or main element the body is in.
 */
import { countWords } from '../diff/tokens';
import { textOf, type Element } from './node';
import { normalizeParagraph } from './normalize';

/**
 * A class or id whose last part names a standfirst: `dek`, `article-dek`, `c-standfirst`,
 * `story__summary`, `article__lead`, Bootstrap's `lead`, `description`.
 */
const STANDFIRST =
  /^(?:[a-z0-9]+(?:-|_|__))*(?:dek|deck|standfirst|sub-?head|sub-?headline|sub-?title|summary|lede|lead|intro|abstract|description|chapo|chapeau|sapo|vorspann|teaser-?text|article-?lead|story-?lead|leadtext|lead-?text)$/;
const MIN_CHARS = 25;
const MAX_CHARS = 600;
/** How far up from the body to look: the standfirst is in the article's header, near the body. */
const LEVELS = 4;
/** Elements looked at before giving up, so a huge page costs no more than a small one. */
const SEARCH_LIMIT = 2_000;

/** Blocks around an author's bio or a menu, whose "summary" or "intro" is not the article's. */
const NOT_THE_ARTICLE = /author|bio|profile|byline|nav|menu|breadcrumb|related|teaser|card|promo/;
const LETTER = /\p{L}/gu;

function isStandfirst(element: Element): boolean {
  if (!element.block || element.dropped || !element.hint) return false;
  if (element.textLen < MIN_CHARS || element.textLen > MAX_CHARS || element.linkLen * 3 > element.textLen) return false;
  // A sentence of its own, not a container of a headline, an image and links.
  if (element.flowLen < element.textLen * 0.8) return false;
  if (!element.hint.split(/\s+/).some((name) => STANDFIRST.test(name))) return false;
  const text = textOf(element);
  // Words, mostly letters: not a ticker of prices or a row of counts. Words as readers count them,
  // so a Chinese, Japanese or Thai sentence (no spaces) is its words, not one.
  if (countWords(text) < 5 || (text.match(LETTER)?.length ?? 0) < text.replace(/\s/g, '').length * 0.7) return false;
  for (let node: Element | null = element; node; node = node.parent) if (node.dropped || NOT_THE_ARTICLE.test(node.hint)) return false;
  return true;
}

/**
 * The standfirst of the article `top` is the body of, normalized, or null when there is none: in
 * the header that opens the body (cleaning leaves headers out), or before the body in the article
 * holding it.
 */
export function standfirstOf(top: Element): string | null {
  const inHeader = searchOpeningHeader(top);
  if (inHeader) return normalizeParagraph(textOf(inHeader));
  let scope: Element | null = top;
  for (let level = 0; level < LEVELS && scope?.parent && scope.tag !== 'article' && scope.tag !== 'main'; level++) {
    scope = scope.parent;
    const found = searchBefore(scope, top);
    if (found) return normalizeParagraph(textOf(found));
  }
  return null;
}

/** The first standfirst in `scope`, in reading order, before the body's top element is reached. */
function searchBefore(scope: Element, top: Element | null): Element | null {
  const stack: Element[] = [scope];
  let looked = 0;
  while (stack.length > 0 && looked++ < SEARCH_LIMIT) {
    const element = stack.pop() as Element;
    if (element === top) return null;
    if (element !== scope && isStandfirst(element)) return element;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return null;
}

/** A paragraph this long outside a header means the story has begun: no header after it opens the article. */
const STORY_STARTED = 80;

/** The standfirst in a <header> or <hgroup> of `top` that comes before the story's first paragraph. */
function searchOpeningHeader(top: Element): Element | null {
  const stack: Element[] = [top];
  let looked = 0;
  while (stack.length > 0 && looked++ < SEARCH_LIMIT) {
    const element = stack.pop() as Element;
    if (element.tag === 'header' || element.tag === 'hgroup') {
      const found = searchBefore(element, null);
      if (found) return found;
      continue;
    }
    if (element.tag === 'p' && element.flowLen >= STORY_STARTED) return null;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return null;
}
