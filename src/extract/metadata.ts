/**
 * The article's metadata from what the tree builder collected in passing: headline (the visible h1,
 * else og:title, JSON-LD headline or <title> without the site's suffix), byline (the one a reader
 * sees, else the meta tags', else JSON-LD's), publication time, canonical URL (resolved against the page URL) and language.
 */
import { bylineLine, NAMES_SPLIT, namesIn, namesPart } from './byline-names';
import { normalizeParagraph } from './normalize';
import { type Element, type Node, textOf } from './node';
import type { Head } from './tree';

export interface Metadata {
  title: string;
  byline: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  lang: string | null;
}

interface LinkedData {
  headline?: string;
  author?: string;
  datePublished?: string;
  inLanguage?: string;
}

const LOGO = /logo|brand|site-?(?:title|name|header)|masthead|navbar/;
const SEPARATOR = /\s+[|\-–—•·:»/\\]+\s+/g;

export function readMetadata(head: Head, url?: string): Metadata {
  const meta = (key: string): string | null => {
    for (const m of head.metas) {
      if (m.property === key || m.name === key || m.itemprop === key) {
        const content = normalizeParagraph(m.content ?? '');
        if (content) return content;
      }
    }
    return null;
  };
  const ld = linkedData(head.jsonLd);
  const siteName = meta('og:site_name');
  const pageTitle = stripSiteSuffix(normalizeParagraph(head.title), siteName);
  const ogTitle = meta('og:title') ?? meta('twitter:title');
  // A meta tag naming only a profile's URL reads no byline, and leaves JSON-LD unread (as it always has).
  const metaAuthor = meta('author') ?? meta('byl') ?? meta('article:author') ?? meta('parsely-author');
  return {
    title: headline(head, [ogTitle, ld.headline, pageTitle]) || ogTitle || normalizeParagraph(ld.headline ?? '') || pageTitle,
    byline: byline(metaAuthor, metaAuthor === null ? (ld.author ?? null) : null, head),
    publishedAt:
      meta('article:published_time') ??
      meta('datePublished') ??
      meta('date') ??
      meta('pubdate') ??
      meta('parsely-pub-date') ??
      meta('dc.date') ??
      meta('DC.date.issued') ??
      ld.datePublished ??
      head.times[0] ??
      null,
    canonicalUrl: canonical(head, meta('og:url'), url),
    lang: language(head.lang ?? meta('content-language') ?? meta('og:locale') ?? ld.inLanguage ?? null),
  };
}

/** The first visible h1 that is not the site's logo, preferring one that matches the other titles. */
function headline(head: Head, others: Array<string | null | undefined>): string {
  const visible = head.h1s
    .filter((h) => h.visible && !LOGO.test(h.hint))
    .map((h) => normalizeParagraph(h.text))
    .filter(Boolean);
  const known = others.filter((t): t is string => !!t).map((t) => t.toLowerCase());
  const matching = visible.find((h) => known.some((t) => t.includes(h.toLowerCase()) || h.toLowerCase().includes(t)));
  return matching ?? visible[0] ?? '';
}

/** "Headline - Site Name" -> "Headline", when what remains still reads as a headline. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  if (siteName && title.length > siteName.length + 3 && title.endsWith(siteName)) {
    const rest = title.slice(0, -siteName.length).replace(/[\s|\-–—•·:»/\\]+$/, '');
    if (rest) return rest;
  }
  let last: RegExpExecArray | null = null;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(title); m; m = SEPARATOR.exec(title)) last = m;
  if (!last) return title;
  const before = title.slice(0, last.index).trim();
  return before.split(/\s+/).length >= 3 ? before : title;
}

/**
 * A line that is a byline: "By Jane Doe", "Written by …", "Von Hans Müller", "Par Marie Dupont".
 * Case-sensitive on purpose: "By Tuesday, …" may open a sentence, "by the time …" always does.
 */
const BYLINE_LINE = /^(?:(?:[Ww]ritten|[Rr]eporting|[Ss]tory|[Ww]ords)\s+)?(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|DOOR|di)\s*:?\s+\p{Lu}/u;
const BYLINE_MAX = 120;
/** Lines after the headline where a byline line is looked for (a standfirst, a dateline may come first). */
const BYLINE_LEAD_LINES = 4;
/** Blocks that carry other stories' bylines, or readers': a related list, comments, a sidebar. */
const ELSEWHERE = /(?:^|[\s_-])(?:related|recirc|more-?stories|read-?next|most-?read|most-?popular|trending|recommended|comments?|sidebar|promo)(?:$|[\s_-])/;
/**
 * The byline a reader sees wins over a meta tag, which often names fewer reporters or none of the
 * later ones: when a visible author element (rel/itemprop author, a byline or author class) outside
 * furniture, or a "By …" line in the lead under the headline, names someone the meta tags do not,
 * its names are the byline; so are they when the meta tags name someone no byline shown names.
 * Otherwise the meta tags' byline stays (the same names: the reading of
 * pages tracked before this rule does not change), then an author element wherever it sits, then
 * the visible names found. A JSON-LD author comes after the byline a page shows and before one it
 * does not (an author element in a related card): nobody sees it, so an author added there alone
 * must not make a version. Only the names are read: what shares their line (a time, "Updated …",
 * a counter) is cut off; an element too long to be a byline (an author's bio) is none.
 */
function byline(fromMeta: string | null, fromLinkedData: string | null, head: Head): string | null {
  const seen = visibleBylines(head);
  if (fromMeta && !/^https?:/.test(fromMeta)) {
    const meta = normalizeParagraph(fromMeta.slice(0, 200));
    const known = namesIn(meta).map((name) => name.toLowerCase());
    const lower = meta.toLowerCase();
    for (const line of seen) {
      const names = namesIn(line);
      const unknown = names.some((name) => {
        const n = name.toLowerCase();
        return !lower.includes(n) && !known.some((k) => k.includes(n) || n.includes(k));
      });
      if (unknown) return namesOnly(line);
    }
    // A name in the meta tag alone, which nobody sees, is not the byline of a page that shows one.
    const shownLine = seen.find((line) => namesIn(line).length > 0);
    if (shownLine !== undefined && known.some((name) => !shownLine.toLowerCase().includes(name))) return namesOnly(shownLine);
    if (meta) return meta;
  }
  const linked = fromLinkedData && !/^https?:/.test(fromLinkedData) ? normalizeParagraph(fromLinkedData.slice(0, 200)) : '';
  for (const element of head.bylines) {
    if (!isAuthorLink(element) && !LEGACY_BYLINE.test(element.hint)) continue;
    if (linked && !shown(element)) continue;
    const line = normalizeParagraph(authorsLine(element, head.bylines, notTime));
    const text = line.length < BYLINE_MAX ? bylineLine(line) : null;
    if (text) return text;
  }
  const named = seen.find((line) => namesIn(line).length > 0);
  if (named !== undefined) return namesOnly(named);
  return linked || null;
}

const isAuthorLink = (element: Element) => element.attrs.rel === 'author' || element.attrs.itemprop === 'author';

/** Where the line an inline element sits in begins: its nearest block ancestor. */
function lineOf(element: Element): Element {
  let block = element;
  while (!block.block && block.parent !== null) block = block.parent;
  return block;
}

/**
 * An author link's text, or, when more author links share its line ("By <a rel=author>Anna
 * Reyes</a> and <a rel=author>Tom Li</a>"), the line from it to the last of them: every reporter
 * the line names, with the words that join them. Times inside are left out.
 */
function authorsLine(element: Element, bylines: readonly Element[], enter: (descendant: Element) => boolean): string {
  if (!isAuthorLink(element) || element.block) return textOf(element, 500, enter);
  const line = lineOf(element);
  const others = bylines.filter((other) => other !== element && isAuthorLink(other) && within(other, line) && !within(other, element));
  if (others.length === 0) return textOf(element, 500, enter);
  const last = others[others.length - 1];
  let text = '';
  let reading = false;
  const stack: Array<Node | { closes: Element }> = [line];
  while (stack.length > 0 && text.length < 500) {
    const item = stack.pop() as Node | { closes: Element };
    if (typeof item === 'string') {
      if (reading) text += item;
      continue;
    }
    if ('closes' in item) {
      if (item.closes === last) return text;
      continue;
    }
    if (item !== line && !enter(item)) continue;
    if (item === element) reading = true;
    stack.push({ closes: item });
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
  }
  return text;
}

function within(element: Element, ancestor: Element): boolean {
  for (let e: Element | null = element; e !== null; e = e.parent) if (e === ancestor) return true;
  return false;
}

/** A byline's names as written when it holds nothing else, else the names alone joined by commas. */
function namesOnly(line: string): string {
  const part = namesPart(line);
  const names = namesIn(line);
  return names.length === part.split(NAMES_SPLIT).length ? part : names.join(', ');
}

/** The classes that named a byline before author elements and lead lines were read (their reading stays). */
const LEGACY_BYLINE = /(?:^|[\s_-])(?:byline|author-?name|by-?line)(?:$|[\s_-])/;

/** The bylines a reader sees, in document order: author elements outside furniture, then a "By …" lead line. */
function visibleBylines(head: Head): string[] {
  const lines: string[] = [];
  for (const element of head.bylines) {
    if (!shown(element)) continue;
    const text = normalizeParagraph(authorsLine(element, head.bylines, bylineText));
    if (text && text.length < BYLINE_MAX) lines.push(text);
  }
  const h1 = head.h1s.find((h) => h.visible && h.element !== null && !LOGO.test(h.hint))?.element;
  const lead = h1 ? leadByline(h1) : null;
  if (lead) lines.push(lead);
  return lines;
}

/** Not hidden, not furniture by tag, and not in a block of other stories or comments. */
function shown(element: Element): boolean {
  for (let e: Element | null = element; e !== null; e = e.parent) {
    if (e.dropped || (e !== element && e.hint !== '' && ELSEWHERE.test(e.hint))) return false;
  }
  return true;
}

const readable = (element: Element) => bylineText(element) && !(element.hint !== '' && ELSEWHERE.test(element.hint));

/** A byline's text has no <time>: a time, relative or not, is never a name ("3 hours ago" changes on every serve, "Updated …" on every edit). */
const notTime = (element: Element) => element.tag !== 'time';
/** What a reader sees of a byline: no hidden descendants either. */
const bylineText = (element: Element) => !element.dropped && notTime(element);

/** Where an element of the lead ends: its text so far is a line. */
const CLOSE = Symbol('close');

/**
 * The first "By …" line among the few lines that follow the headline in reading order. Walks only
 * as far as those lines: the story's body after them is never read here.
 */
function leadByline(h1: Element): string | null {
  let lines = 0;
  let current = '';
  /** The byline, null to stop looking, undefined to go on. */
  const endLine = (): string | null | undefined => {
    const line = normalizeParagraph(current);
    current = '';
    if (line === '') return undefined;
    if (line.length < BYLINE_MAX && BYLINE_LINE.test(line)) return line;
    return ++lines >= BYLINE_LEAD_LINES ? null : undefined;
  };
  for (let node: Element = h1; node.parent !== null; node = node.parent) {
    const siblings = node.parent.children;
    const stack: Array<Node | typeof CLOSE> = [];
    for (let k = siblings.length - 1; k > siblings.indexOf(node); k--) stack.push(siblings[k]);
    while (stack.length > 0) {
      const item = stack.pop() as Node | typeof CLOSE;
      if (typeof item === 'string') {
        current += item;
        continue;
      }
      if (item !== CLOSE && !readable(item)) continue;
      if (item === CLOSE || item.block || item.tag === 'br' || item.tag === 'hr') {
        const found = endLine();
        if (found !== undefined) return found;
        if (item === CLOSE) continue;
        stack.push(CLOSE);
      }
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
    }
    const found = endLine();
    if (found !== undefined) return found;
  }
  return null;
}

function canonical(head: Head, ogUrl: string | null, url?: string): string | null {
  const link = head.links.find((l) => (l.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && l.href);
  const href = link?.href?.trim() || ogUrl;
  if (!href) return null;
  try {
    const resolved = new URL(href, url);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

function language(raw: string | null): string | null {
  const value = raw?.trim().replace(/_/g, '-');
  return value && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null;
}

/** Every object in the JSON-LD blocks (arrays and @graph opened), bounded against hostile input. */
function* linkedObjects(blocks: string[]): Generator<Record<string, unknown>> {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 500; i++) {
      const item = queue[i];
      if (Array.isArray(item)) {
        queue.push(...item.slice(0, 50));
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const object = item as Record<string, unknown>;
      if (Array.isArray(object['@graph'])) queue.push(...(object['@graph'] as unknown[]).slice(0, 50));
      yield object;
    }
  }
}

/** Headline, author, date and language of the first Article-like object in the JSON-LD blocks. */
function linkedData(blocks: string[]): LinkedData {
  const found: LinkedData = {};
  for (const object of linkedObjects(blocks)) {
    const type = String(object['@type'] ?? '');
    if (!/Article|Posting|Report|WebPage/.test(type)) continue;
    if (!found.headline && typeof object.headline === 'string') found.headline = object.headline;
    if (!found.datePublished && typeof object.datePublished === 'string') found.datePublished = object.datePublished;
    if (!found.inLanguage && typeof object.inLanguage === 'string') found.inLanguage = object.inLanguage;
    if (!found.author) found.author = authorName(object.author);
  }
  return found;
}

/**
 * The longest JSON-LD `articleBody` of an Article-like object, as paragraphs, or [] when there is
 * none or it holds markup. Pages rendered by script often carry the whole story only there.
 */
export function linkedArticleBody(blocks: string[]): string[] {
  let body = '';
  for (const object of linkedObjects(blocks.filter((block) => block.includes('"articleBody"')))) {
    if (typeof object.articleBody === 'string' && object.articleBody.length > body.length) body = object.articleBody;
  }
  if (body === '' || /<\/?[a-z][^>]*>/i.test(body)) return [];
  return body.split(/\n+/);
}

function authorName(author: unknown): string | undefined {
  const list = Array.isArray(author) ? author : [author];
  const names = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined))
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return names.length ? names.join(', ') : undefined;
}
