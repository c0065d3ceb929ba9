/**
 * HTML -> a small pruned tree, in one streaming pass over htmlparser2's tokenizer (the parser
 * linkedom is built on) instead of a full DOM. Subtrees that never hold article text (scripts,
 * styles, navigation, forms' widgets, hidden elements, ...) are dropped while parsing, and the
 * counts that scoring needs (text, link text, commas, paragraphs) are summed as elements close,
 * so nothing has to walk the tree again to find them. Depth is capped: deeper elements are
 * flattened into the deepest kept one, so no later walk can be driven arbitrarily deep.
 */
import { parseHtml, type HtmlSink } from './html';
import { namesMoment } from './dates';
import { type Element, textOf } from './node';
import { RULE_ATTRIBUTES } from './site-rules';

export type { Element, Node } from './node';

export interface Head {
  title: string;
  lang: string | null;
  metas: Record<string, string>[];
  links: Record<string, string>[];
  jsonLd: string[];
  /** `datetime` of the first few <time> elements. */
  times: string[];
  /** Elements that name the author (rel/itemprop author, a byline or author class), in document order. */
  bylines: Element[];
  /** Every h1 in document order (the headline is usually the first visible one). */
  h1s: Heading[];
  /** Visible <time> elements in an <article>'s <header>, with their text: where "Updated …" lines sit. */
  headerTimes: HeaderTime[];
}

export interface HeaderTime {
  text: string;
  /** The last characters of the text just before it in its parent: a label such as "Updated" or "Stand:". */
  before: string;
  /** The <article> whose header holds it. */
  article: Element;
}

export interface Heading {
  text: string;
  /** False when the h1 sits in a hidden or dropped subtree. */
  visible: boolean;
  /** Lower-cased id/class of the h1 and its parent: tells a site logo from a headline. */
  hint: string;
  /** The h1 in the tree (null when dropped or flattened): where the article's lead starts. */
  element: Element | null;
}

export interface Tree {
  root: Element;
  head: Head;
}

/** Elements whose attributes are read even inside a dropped subtree (the head's metadata, h1s). */
const ATTRIBUTES_ANYWHERE = new Set(['script', 'time', 'h1', 'html']);
/**
 * The attributes hints, hiding, bylines and metadata read, and those site rules select on. Others
 * (href, src, srcset, data-*, inline JSON) are never copied out of the page. meta and link keep all.
 */
const ELEMENT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'class',
  'style',
  'hidden',
  'aria-hidden',
  'role',
  'aria-controls',
  'aria-expanded',
  'itemprop',
  'rel',
  'data-ad',
  'data-ad-slot',
  'datetime',
  'lang',
  'type',
  ...RULE_ATTRIBUTES,
]);
/** What an element whose attributes were not collected gets (never written to). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Deeper elements than this are flattened into their deepest kept ancestor. */
export const MAX_DEPTH = 256;
/** Attribute values are cut to this length before they are kept: hints never need more. */
const MAX_ATTRIBUTE = 2048;

/** Elements whose whole subtree is dropped while parsing: they never hold article text. */
export const SKIP: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'map',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'input',
  'textarea',
  'figcaption',
  'rt',
  'rp',
  'head',
  'link',
  'meta',
  'title',
  'base',
  'param',
  'frame',
  'frameset',
  'applet',
  'marquee',
  'label',
  'output',
  'progress',
  'meter',
]);
/**
 * Page furniture by tag. Kept in the tree but marked `dropped`, and so are hidden elements: a
 * page whose <aside> is never closed, or whose article sits in a hidden streaming slot, still
 * has its text, and the scorer takes a dropped subtree when it holds most of the page.
 */
const FURNITURE = new Set(['nav', 'footer', 'aside', 'dialog', 'menu']);

/** Elements that stay in the text flow of their parent. Everything else is a block. */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'tt',
  'u',
  'var',
  'wbr',
  'br',
  'time',
  'label',
  'ruby',
  'rt',
  'rp',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Class names that hide an element from sighted readers (screen-reader-only text, modal templates). */
const HIDDEN_CLASS =
  /(?:^|\s)(?:sr-only|visually-?hidden|screen-reader-text|screen-reader-only|a11y-hidden|hidden|hide|d-none|is-hidden|u-hidden|offscreen|element-invisible)(?:\s|$)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** A class that shows a block from some screen width on (Bootstrap's and Tailwind's). */
const SHOWN_FROM_A_WIDTH =
  /(?:^|\s)(?:d-(?:sm|md|lg|xl|xxl)-(?:block|flex|inline|inline-block|inline-flex|grid|table)|(?:sm|md|lg|xl|2xl):(?:block|flex|inline|inline-block|inline-flex|grid|table))(?:\s|$)/;

/**
 * An id of five or more words is a slug of the section's heading ("sharing-with-a-single-developer"),
 * which says what the section is about, not what kind of block it is: it gives no hints.
 */
const HEADING_SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+){4,}$/;

function newElement(tag: string, attrs: Record<string, string>, parent: Element | null): Element {
  const rawId = attrs.id ?? '';
  const id = rawId.length > 20 && HEADING_SLUG.test(rawId) ? '' : rawId;
  const cls = attrs.class ?? '';
  const hint = id || cls ? `${id.slice(0, MAX_ATTRIBUTE)} ${cls.slice(0, MAX_ATTRIBUTE)}`.toLowerCase() : '';
  return {
    tag,
    attrs,
    parent,
    children: [],
    hint,
    block: !INLINE.has(tag),
    textLen: 0,
    linkLen: 0,
    flowLen: 0,
    flowLinkLen: 0,
    flowCommas: 0,
    commas: 0,
    paragraphs: 0,
    listItems: 0,
    images: 0,
    inputs: 0,
    headings: 0,
    score: 0,
    goodLen: 0,
    weight: NaN,
    furniture: null,
    dropped: false,
  };
}

const BYLINE = /(?:^|[\s_-])(?:byline|author-?name|by-?line)(?:$|[\s_-])|(?:^|\s)author(?:\s|$)/;

function isByline(element: Element): boolean {
  const attrs = element.attrs;
  return attrs.rel === 'author' || attrs.itemprop === 'author' || (element.hint !== '' && BYLINE.test(element.hint));
}

function isHidden(tag: string, attrs: Record<string, string>): boolean {
  // A collapsed accordion or tab panel: hidden until a reader opens it, but part of the page's text.
  if (attrs.role === 'region' || attrs.role === 'tabpanel') return false;
  if ('hidden' in attrs) return true;
  if (attrs['aria-hidden'] === 'true' && tag !== 'html' && tag !== 'body') return true;
  const style = attrs.style;
  if (style && HIDDEN_STYLE.test(style.slice(0, MAX_ATTRIBUTE))) return true;
  const cls = attrs.class?.slice(0, MAX_ATTRIBUTE);
  // Hidden on small screens only ("d-none d-md-block", "hidden md:block"): the story a desktop shows.
  return !!cls && HIDDEN_CLASS.test(cls) && !SHOWN_FROM_A_WIDTH.test(cls);
}

/** True when an element of the tree was hidden by its own attributes (not by its tag) and no button opens it. */
export function isHiddenElement(element: Element): boolean {
  return !element.opened && isHidden(element.tag, element.attrs);
}

/** Ends the line in `element` with a <br> (one, however many flattened blocks end there). */
function breakLine(element: Element): void {
  const last = element.children[element.children.length - 1];
  if (last === undefined || (typeof last !== 'string' && last.tag === 'br')) return;
  element.children.push(newElement('br', NO_ATTRIBUTES, element));
}

/** True when a heading (h1-h6) is open on the stack: a button in it is an accordion's heading. */
function inHeading(stack: Frame[]): boolean {
  for (let k = stack.length - 1; k > 0; k--) if (HEADINGS.has(stack[k].tag)) return true;
  return false;
}

/** The caption of a figure that holds a quote says who said it ("— Tim Lang, city engineer"): text, unlike a photo's. */
function isQuoteAttribution(tag: string, parent: Element): boolean {
  return tag === 'figcaption' && parent.tag === 'figure' && parent.children.some((child) => typeof child !== 'string' && child.tag === 'blockquote');
}

/** A quote's own footer names who said it (<blockquote>…<footer>— <cite>Tim Lang</cite></footer>): text, unlike a page's footer. */
function isQuoteFooter(tag: string, parent: Element): boolean {
  return tag === 'footer' && parent.tag === 'blockquote';
}

/** A box of the story's facts, set in an <aside> ("The harbour in numbers"): part of the story, unlike a sidebar. */
const FACT_BOX = /(?:^|[\s_-])(?:fact-?box|facts-?box|info-?box|key-?facts|fact-?sheet|at-?a-?glance|faktenbox|infobox|infokasten|faktenkasten)(?:$|[\s_-])/;

function isFactBox(tag: string, element: Element): boolean {
  return tag === 'aside' && element.hint !== '' && FACT_BOX.test(element.hint);
}

/** A button or link that shows the rest of the story: the hidden block right after it is text a reader opens. */
const CONTINUE_READING =
  /^(?:continue reading|keep reading|read more|show more|read (?:the )?(?:full|whole|rest of the) (?:story|article)|show (?:the )?full (?:story|article)|weiterlesen|artikel weiterlesen|mehr lesen|mehr anzeigen|ganzen artikel lesen|lire la suite|afficher (?:la suite|plus)|seguir leyendo|leer más|ver más|continua a leggere|leggi tutto|mostra (?:di )?più|lees verder|toon meer|ler mais|continuar lendo)\b/i;
/** Longest label of such a button or link. */
const CONTINUE_MAX = 40;

/** Where the hidden rest may follow a "Continue reading" control: beside it, or beside the small wrapper it sits in. */
function continuationParents(parent: Element): Element[] {
  return parent.parent && parent.textLen <= CONTINUE_MAX ? [parent, parent.parent] : [parent];
}

/** Hidden elements with an id remembered for a button that may name them later; a bound on memory. */
const MAX_HIDDEN_IDS = 512;

/** True when a frame from `from` up is a subtree never read (ruby readings <rt>/<rp>, a script). */
function inSkipped(stack: Frame[], from: number): boolean {
  for (let k = from; k < stack.length; k++) if (SKIP.has(stack[k].tag)) return true;
  return false;
}

/** Commas counted by the last `measure` call (a module variable spares an allocation per text). */
let commas = 0;

/** Length of text with whitespace runs counted once; leaves its number of commas in `commas`. */
function measure(text: string): number {
  let len = 0;
  commas = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 160) {
      if (!space) len++;
      space = true;
    } else {
      len++;
      space = false;
      if (c === 44 || c === 0x3001 || c === 0xff0c || c === 0x060c) commas++;
    }
  }
  return len;
}

function cutAttributes(attrs: Record<string, string>): Record<string, string> {
  for (const name in attrs) {
    const value = attrs[name];
    if (value.length > MAX_ATTRIBUTE) attrs[name] = value.slice(0, MAX_ATTRIBUTE);
  }
  return attrs;
}

/** One frame of the open-element stack: what htmlparser2 has open, and where its content goes. */
interface Frame {
  tag: string;
  /** The element content goes into, or null while inside a dropped subtree. */
  element: Element | null;
  /** True when this frame created `element` (false for flattened or dropped frames). */
  owns: boolean;
  /** The nearest block ancestor-or-self: whose inline flow text lands in. */
  block: Element | null;
  link: boolean;
  /** Inside a hidden element (hidden elements stay in the tree, marked dropped). */
  hidden: boolean;
}

/** The <article> element whose <header> is open on the stack (in that order), if any. */
function articleOfHeader(stack: Frame[]): Element | null {
  let inHeader = false;
  for (let k = stack.length - 1; k > 0; k--) {
    const tag = stack[k].tag;
    if (tag === 'header') inHeader = true;
    else if (tag === 'article') return inHeader ? stack[k].element : null;
  }
  return null;
}

/** Characters of the text before a header's <time> kept to find its label. */
const LABEL_CHARS = 40;

/** Up to `max` characters of the text just before `element` among its parent's children. */
function textBefore(element: Element, max: number): string {
  const siblings = element.parent?.children ?? [];
  let text = '';
  for (let k = siblings.lastIndexOf(element) - 1; k >= 0 && text.length < max; k--) {
    const sibling = siblings[k];
    text = (typeof sibling === 'string' ? sibling : textOf(sibling, max)) + text;
  }
  return text.slice(-max);
}

/** Parses HTML into the pruned tree and the head's metadata, never throwing on malformed input. */
export function buildTree(html: string): Tree {
  const root = newElement('#root', {}, null);
  root.block = true;
  const head: Head = { title: '', lang: null, metas: [], links: [], jsonLd: [], times: [], bylines: [], h1s: [], headerTimes: [] };
  const stack: Frame[] = [{ tag: '#root', element: root, owns: false, block: root, link: false, hidden: false }];
  let depth = 0;
  // Text capture for elements whose text we want even though the element itself is dropped.
  let capture: 'title' | 'jsonld' | 'time' | 'button' | null = null;
  let captured = '';
  let timeArticle: Element | null = null;
  let h1Depth = -1;
  let h1Text = '';
  let h1Visible = false;
  let h1Hint = '';
  let h1Element: Element | null = null;
  // A collapsed accordion or "read more" panel: a hidden element that a button names in
  // `aria-controls` is text a reader opens with a click; the button may come before or after it.
  const hiddenById = new Map<string, Element>();
  const controlled = new Set<string>();
  // A "Continue reading" button and the hidden rest of the story right after it, among its parent's children.
  let buttonParent: Element | null = null;
  let continuationIn: Element[] = [];

  const sink: HtmlSink = {
    wantsAttributes(tag: string) {
      if (tag === 'meta' || tag === 'link') return true;
      return stack[stack.length - 1].element !== null || ATTRIBUTES_ANYWHERE.has(tag) ? ELEMENT_ATTRIBUTES : false;
    },
    wantsText() {
      return stack[stack.length - 1].element !== null || capture !== null || h1Depth >= 0;
    },
    open(tag: string, attributes: Record<string, string> | null) {
      const attribs = attributes ?? NO_ATTRIBUTES;
      const top = stack[stack.length - 1];
      if (tag === 'html' && attribs.lang && head.lang === null) head.lang = attribs.lang.slice(0, 64);
      if (tag === 'time' && attribs.datetime && head.times.length < 4) head.times.push(attribs.datetime.slice(0, 64));
      if (tag === 'meta') head.metas.push(cutAttributes(attribs));
      else if (tag === 'link') head.links.push(cutAttributes(attribs));
      else if (tag === 'title' && !head.title) {
        capture = 'title';
        captured = '';
      } else if (tag === 'script' && /ld\+json/i.test(attribs.type ?? '')) {
        capture = 'jsonld';
        captured = '';
      } else if (tag === 'time' && capture === null && head.headerTimes.length < 4 && top.element !== null && !top.hidden && !isHidden(tag, attribs)) {
        timeArticle = articleOfHeader(stack);
        if (timeArticle) {
          capture = 'time';
          captured = '';
        }
      } else if (tag === 'button' && capture === null && top.element !== null) {
        capture = 'button';
        captured = '';
        buttonParent = top.element;
      } else if (tag === 'br' && h1Depth >= 0) {
        // A headline set on two lines ("Water bill<br>clears the Senate") is words apart.
        h1Text += ' ';
      } else if (tag === 'h1' && h1Depth < 0) {
        h1Depth = stack.length;
        h1Text = '';
        h1Visible = top.element !== null && !top.hidden && !isHidden(tag, attribs);
        h1Hint = `${attribs.id ?? ''} ${attribs.class ?? ''} ${top.element?.hint ?? ''}`.slice(0, 500).toLowerCase();
        h1Element = null;
      }
      if (attribs['aria-controls'] && 'aria-expanded' in attribs && controlled.size < MAX_HIDDEN_IDS) {
        for (const id of attribs['aria-controls'].slice(0, 200).split(/\s+/)) if (id) controlled.add(id);
      }
      const parent = top.element;
      if (parent !== null && tag === 'button' && inHeading(stack)) {
        // An accordion's heading (<h3><button aria-expanded>3. Your rights</button></h3>) reads as the heading.
        stack.push({ tag, element: parent, owns: false, block: top.block, link: top.link, hidden: top.hidden });
        return;
      }
      if (parent !== null && tag === 'input') parent.inputs++;
      if (parent !== null && tag === 'img') parent.images++;
      if (parent === null || (SKIP.has(tag) && !isQuoteAttribution(tag, parent)) || tag === 'img' || tag === 'wbr') {
        stack.push({ tag, element: null, owns: false, block: null, link: false, hidden: true });
        return;
      }
      if (tag === 'html' || tag === 'body') {
        stack.push({ tag, element: parent, owns: false, block: top.block, link: top.link, hidden: top.hidden });
        return;
      }
      if (depth >= MAX_DEPTH) {
        // Flattened, a block still parts lines: "town hall.</p><p>Council" is not "hall.Council".
        if (!INLINE.has(tag)) breakLine(parent);
        stack.push({ tag, element: parent, owns: false, block: top.block, link: top.link || tag === 'a', hidden: top.hidden });
        return;
      }
      const element = newElement(tag, attribs, parent);
      let hidden = isHidden(tag, attribs);
      if (element.block && continuationIn.includes(parent)) {
        continuationIn = [];
        if (hidden && !FURNITURE.has(tag)) {
          hidden = false;
          element.opened = true;
        }
      }
      if (hidden || (FURNITURE.has(tag) && !isFactBox(tag, element) && !isQuoteFooter(tag, parent))) element.dropped = true;
      if (hidden && attribs.id && hiddenById.size < MAX_HIDDEN_IDS) hiddenById.set(attribs.id, element);
      parent.children.push(element);
      depth++;
      if (head.bylines.length < 8 && isByline(element)) head.bylines.push(element);
      if (tag === 'h1' && h1Depth === stack.length) h1Element = element;
      stack.push({
        tag,
        element,
        owns: true,
        block: element.block ? element : top.block,
        link: top.link || tag === 'a',
        hidden: top.hidden || hidden,
      });
    },
    text(text: string) {
      if (capture !== null && ((capture !== 'time' && capture !== 'button') || captured.length < 200)) captured += text;
      if (h1Depth >= 0 && !inSkipped(stack, h1Depth + 1)) h1Text += text;
      const top = stack[stack.length - 1];
      const element = top.element;
      if (element === null) return;
      const clean = text.indexOf('\u0000') >= 0 ? text.replace(/\u0000/g, '') : text;
      const len = measure(clean);
      if (len === 0) {
        const last = element.children[element.children.length - 1];
        if (last !== ' ' && clean.length > 0) element.children.push(' ');
        return;
      }
      element.children.push(clean);
      element.textLen += len;
      if (top.link) element.linkLen += len;
      element.commas += commas;
      const block = top.block;
      if (block) {
        block.flowLen += len;
        block.flowCommas += commas;
        if (top.link) block.flowLinkLen += len;
      }
    },
    close(tag: string) {
      if (stack.length <= 1) return;
      const frame = stack.pop() as Frame;
      if (capture === 'title' && frame.tag === 'title') {
        head.title = captured;
        capture = null;
      } else if (capture === 'jsonld' && frame.tag === 'script') {
        if (head.jsonLd.length < 32) head.jsonLd.push(captured);
        capture = null;
      } else if (capture === 'button' && frame.tag === 'button') {
        continuationIn = buttonParent && CONTINUE_READING.test(captured.trim().slice(0, 60)) ? continuationParents(buttonParent) : [];
        capture = null;
      } else if (capture === 'time' && frame.tag === 'time') {
        head.headerTimes.push({
          text: captured.slice(0, 200),
          before: frame.element ? textBefore(frame.element, LABEL_CHARS) : '',
          article: timeArticle as Element,
        });
        capture = null;
      }
      if (h1Depth === stack.length) {
        if (head.h1s.length < 16) head.h1s.push({ text: h1Text, visible: h1Visible, hint: h1Hint, element: h1Element });
        h1Depth = -1;
      }
      if (!frame.owns || frame.element === null) {
        if (depth >= MAX_DEPTH && frame.element !== null && !INLINE.has(frame.tag) && stack.length > 0) breakLine(frame.element);
        return;
      }
      depth--;
      const element = frame.element;
      const parent = element.parent as Element;
      if (element.textLen === 0 && element.images === 0 && element.tag !== 'br' && element.tag !== 'hr') {
        // Nothing a reader could see: forget it. But an inline element that held only a space
        // (<strong>&nbsp;</strong> between a link and the next word) still parts those words.
        const index = parent.children.lastIndexOf(element);
        if (index >= 0) parent.children.splice(index, 1);
        if (!element.block && element.children.includes(' ') && parent.children[parent.children.length - 1] !== ' ') parent.children.push(' ');
        // And one that held only a line break (<span><br></span>) still breaks the line.
        if (!element.block) {
          for (const child of element.children) {
            if (typeof child === 'string') continue;
            child.parent = parent;
            parent.children.push(child);
          }
        }
        return;
      }
      // A link that says the story goes on ("<a href=#more>Continue reading</a>"), as a button does.
      if (tag === 'a' && element.textLen <= CONTINUE_MAX && CONTINUE_READING.test(textOf(element, 60).trim())) continuationIn = continuationParents(parent);
      // A date or time in the text ("Stand: <time>1. März 2025</time>") is what a reader sees, and
      // editors change it; a relative one ("3 minutes ago") changes on every serve and is left out.
      if (tag === 'time' && !namesMoment(textOf(element, 200))) element.dropped = true;
      const minimum = HEADINGS.has(tag) || tag === 'li' || tag === 'td' ? 2 : 25;
      if (element.flowLen >= minimum && element.flowLinkLen * 2 <= element.flowLen) element.goodLen += element.flowLen;
      if (tag === 'p' || tag === 'pre') element.paragraphs++;
      else if (tag === 'li') element.listItems++;
      else if (HEADINGS.has(tag)) element.headings++;
      parent.textLen += element.textLen;
      parent.linkLen += element.linkLen;
      parent.commas += element.commas;
      parent.goodLen += element.goodLen;
      parent.paragraphs += element.paragraphs;
      parent.listItems += element.listItems;
      parent.images += element.images;
      parent.inputs += element.inputs;
      parent.headings += element.headings;
    },
  };
  // parseHtml closes whatever is still open at the end.
  parseHtml(html, sink);
  for (const id of controlled) {
    const panel = hiddenById.get(id);
    if (panel && !FURNITURE.has(panel.tag)) {
      panel.opened = true;
      panel.dropped = false;
    }
  }
  return { root, head };
}
