/**
 * The article's metadata from what the tree builder collected in passing: headline (the visible h1,
 * else og:title, JSON-LD headline or <title> without the site's suffix), byline, publication time,
 * canonical URL (resolved against the page URL) and language.
 */
import { normalizeParagraph } from './normalize';
import { textOf } from './node';
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

function byline(fromMeta: string | null, head: Head): string | null {
  if (fromMeta && !/^https?:/.test(fromMeta)) return normalizeParagraph(fromMeta.slice(0, 200)) || null;
  for (const element of head.bylines) {
    const text = normalizeParagraph(textOf(element, 500));
    if (text && text.length < 120) return text;
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
