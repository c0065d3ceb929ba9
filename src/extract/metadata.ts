/**
 * The article's metadata from what the tree builder collected in passing: headline (the visible h1,
 * else og:title, JSON-LD headline or <title> without the site's suffix), byline (the one a reader
 * sees, else the meta tags'), publication time, canonical URL (resolved against the page URL) and language.
 */
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
  return {
    title: headline(head, [ogTitle, ld.headline, pageTitle]) || ogTitle || normalizeParagraph(ld.headline ?? '') || pageTitle,
    byline: byline(meta('author') ?? meta('byl') ?? meta('article:author') ?? meta('parsely-author') ?? ld.author ?? null, head),
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
const BYLINE_LINE = /^(?:(?:[Ww]ritten|[Rr]eporting|[Ss]tory|[Ww]ords)\s+)?(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR)\s*:?\s+\p{Lu}/u;
const BYLINE_MAX = 120;
/** Lines after the headline where a byline line is looked for (a standfirst, a dateline may come first). */
const BYLINE_LEAD_LINES = 4;
/** Blocks that carry other stories' bylines, or readers': a related list, comments, a sidebar. */
const ELSEWHERE = /(?:^|[\s_-])(?:related|recirc|more-?stories|read-?next|most-?read|most-?popular|trending|recommended|comments?|sidebar|promo)(?:$|[\s_-])/;
/** What opens a byline before the names, and where the names end (a separator, a date, a handle, a role). */
const NAMES_PREFIX = /^(?:(?:written|reporting|story|words)\s+)?(?:by|von|par|author)\s*:?\s*/i;
const NAMES_END = /\s[-–—]\s|[|•⋅·∙@\d(]|\s(?:on|updated|published|posted|reviewed|le|am|vor|il y a)\s/i;
const NAMES_SPLIT = /\s*(?:[,;&]|\s(?:and|und|et)\s)\s*/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|van|von|der|den|de|da|di|du|la|le|del|dos|bin|al)$/u;
/** Words that are never part of a person's name in a byline: roles, desks, date labels, months. */
const ROLE =
  /\b(?:authors?|editors?|reporters?|writers?|correspondents?|contributors?|columnists?|professor|analyst|staff|expert|senior|chief|news|press|team|desk|ceo|dr|updated|published|posted|modified|last|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/i;

/**
 * The byline a reader sees wins over a meta tag, which often names fewer reporters or none of the
 * later ones: when a visible author element (rel/itemprop author, a byline or author class) outside
 * furniture, or a "By …" line in the lead under the headline, names someone the meta tags do not,
 * its names are the byline. Otherwise the meta tags' byline stays (the same names: the reading of
 * pages tracked before this rule does not change), then an author element wherever it sits, then
 * the visible names found.
 */
function byline(fromMeta: string | null, head: Head): string | null {
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
    if (meta) return meta;
  }
  for (const element of head.bylines) {
    if (element.attrs.rel !== 'author' && element.attrs.itemprop !== 'author' && !LEGACY_BYLINE.test(element.hint)) continue;
    const text = normalizeParagraph(textOf(element, 500));
    if (text && text.length < BYLINE_MAX) return text;
  }
  const named = seen.find((line) => namesIn(line).length > 0);
  return named === undefined ? null : namesOnly(named);
}

/** A byline's names as written when it holds nothing else, else the names alone joined by commas. */
function namesOnly(line: string): string {
  const part = namesPart(line);
  const names = namesIn(line);
  return names.length === part.split(NAMES_SPLIT).length ? part : names.join(', ');
}

/** The classes that named a byline before author elements and lead lines were read (their reading stays). */
const LEGACY_BYLINE = /(?:^|[\s_-])(?:byline|author-?name|by-?line)(?:$|[\s_-])/;

/** The text after "By" up to where the names end: "By Jane Doe and John Roe | May 3" -> "Jane Doe and John Roe". */
function namesPart(line: string): string {
  const rest = line.replace(NAMES_PREFIX, '');
  const end = rest.search(NAMES_END);
  return (end < 0 ? rest : rest.slice(0, end)).replace(/[\s,;:.–—-]+$/, '').trim();
}

/** The people a byline names: parts of two to five capitalized words (name particles allowed), no role. */
function namesIn(line: string): string[] {
  return namesPart(line)
    .split(NAMES_SPLIT)
    .filter((part) => {
      const words = part.split(/\s+/);
      return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && !ROLE.test(part);
    });
}

/** The bylines a reader sees, in document order: author elements outside furniture, then a "By …" lead line. */
function visibleBylines(head: Head): string[] {
  const lines: string[] = [];
  for (const element of head.bylines) {
    if (!shown(element)) continue;
    const text = normalizeParagraph(shownText(element, 500));
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

const readable = (element: Element) => !element.dropped && !(element.hint !== '' && ELSEWHERE.test(element.hint));

/** textOf without hidden descendants (a relative "3 hours ago" <time> is dropped: it changes on every serve). */
const shownText = (element: Element, maxChars: number) => textOf(element, maxChars, (descendant) => !descendant.dropped);

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
