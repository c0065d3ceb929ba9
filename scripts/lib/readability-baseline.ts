/**
 * The reference extractor: Mozilla Readability running on a linkedom DOM. Kept as the
 * baseline that `npm run bench` and `npm run eval` compare Redline's own extractor against.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../../src/extract/article';
import { joinParagraphs, normalizeParagraph } from '../../src/extract/normalize';

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** The little of the DOM's Node that the walk below reads (linkedom's nodes have it). */
interface DomNode {
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  nodeType: number;
  nodeValue: string | null;
  tagName?: string;
}

/** Text of a subtree with a paragraph break at every block boundary. */
export function blockParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) paragraphs.push(current);
    current = '';
  };
  const walk = (node: DomNode) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const block = BLOCKS.has(child.tagName ?? '');
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

export function extractWithReadability(html: string, url?: string): Article {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? null;
  const h1 = normalizeParagraph(document.querySelector('h1')?.textContent ?? '');
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const publishedAt = meta('meta[property="article:published_time"]');
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  let text = '';
  if (parsed?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    text = joinParagraphs(blockParagraphs(content.body as unknown as DomNode));
  }
  return {
    title: h1 || normalizeParagraph(parsed?.title ?? ''),
    byline: parsed?.byline ? normalizeParagraph(parsed.byline) : null,
    text,
    publishedAt,
    canonicalUrl: canonical ? resolveUrl(canonical, url) : null,
    lang: lang || null,
  };
}

function resolveUrl(href: string, base?: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}
