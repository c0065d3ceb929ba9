/**
 * Article links out of a feed or a sitemap: RSS 2.0 (<item><link>, else a permalink <guid>),
 * Atom (<entry><link rel="alternate" href>), a sitemap (<urlset><url><loc>) and, for what it
 * names, a sitemap index (<sitemapindex><sitemap><loc>). One streaming pass, no DOM.
 *
 * htmlparser2 reads anything: it closes what a document leaves open and goes on. A feed cut off
 * in the middle (`<rss><channel><item><link>`) would read as an empty feed, so the pass also
 * notes what makes a document not well-formed XML (an element never closed, a second root
 * element), and a source that is not well-formed is refused like one that is no feed.
 */
import { Parser } from 'htmlparser2';
import type { SourceKind } from '../store';

export interface ParsedSource {
  kind: SourceKind | null;
  /** Article URLs (child sitemaps for a sitemap index), in document order, resolved against `base`. */
  links: string[];
  /** For a sitemap index only: each child sitemap's <lastmod>, when it has one. */
  lastmod?: Map<string, string>;
  /** Why the document is not well-formed XML (its first such fault), or null. */
  notWellFormed: string | null;
}

const localName = (name: string) => name.toLowerCase().replace(/^.*:/, '');

export function parseSource(xml: string, base: string): ParsedSource {
  let kind: SourceKind | null = null;
  const links: string[] = [];
  const stack: string[] = [];
  /** Beside `stack`: whether each open element closed itself (`<x/>`). */
  const selfClosing: boolean[] = [];
  let rootClosed = false;
  let notWellFormed: string | null = null;
  let text = '';
  let itemLink: string | null = null;
  let itemGuid: string | null = null;
  let guidPermalink = true;
  const lastmod = new Map<string, string>();
  let childLoc: string | null = null;
  let childLastmod: string | null = null;
  const add = (href: string | null | undefined): string | null => {
    if (!href) return null;
    try {
      const url = new URL(href.trim(), base).href;
      links.push(url);
      return url;
    } catch {
      return null; // not a URL: skipped
    }
  };
  const parser = new Parser(
    {
      onopentag(raw, attributes) {
        const name = localName(raw);
        if (stack.length === 0 && rootClosed) notWellFormed ??= `a second root element <${raw}> after the first`;
        if (kind === null) {
          if (name === 'rss' || name === 'rdf') kind = 'rss';
          else if (name === 'feed') kind = 'atom';
          else if (name === 'urlset') kind = 'sitemap';
          else if (name === 'sitemapindex') kind = 'sitemapindex';
        }
        if (name === 'item') {
          itemLink = null;
          itemGuid = null;
        }
        if (name === 'guid') guidPermalink = (attributes.ispermalink ?? attributes.isPermaLink ?? 'true').toLowerCase() !== 'false';
        if (kind === 'atom' && name === 'link' && stack.at(-1) === 'entry') {
          const rel = (attributes.rel ?? 'alternate').toLowerCase();
          if (rel === 'alternate' && (!attributes.type || /html/i.test(attributes.type))) add(attributes.href);
        }
        stack.push(name);
        // endIndex is the tag's closing '>': the whole document is written at once, so it indexes `xml`.
        selfClosing.push(xml[parser.endIndex - 1] === '/');
        text = '';
      },
      ontext(chunk) {
        text += chunk;
      },
      onclosetag(raw, isImplied) {
        const name = localName(raw);
        // Implied: no end tag closed it (the document ended, or an outer end tag came first).
        if (isImplied && !selfClosing.at(-1)) notWellFormed ??= `<${raw}> is never closed`;
        if (stack.length === 1) rootClosed = true;
        const parent = stack.at(-2);
        if (kind === 'rss' && name === 'link' && parent === 'item' && !raw.includes(':')) itemLink = text.trim();
        if (kind === 'rss' && name === 'guid' && parent === 'item' && guidPermalink) itemGuid = text.trim();
        if (kind === 'rss' && name === 'item') add(itemLink || (itemGuid && /^https?:/i.test(itemGuid) ? itemGuid : null));
        if (kind === 'sitemap' && name === 'loc' && parent === 'url') add(text);
        if (kind === 'sitemapindex' && name === 'loc' && parent === 'sitemap') childLoc = add(text);
        if (kind === 'sitemapindex' && name === 'lastmod' && parent === 'sitemap') childLastmod = text.trim();
        if (kind === 'sitemapindex' && name === 'sitemap') {
          if (childLoc && childLastmod) lastmod.set(childLoc, childLastmod);
          childLoc = childLastmod = null;
        }
        stack.pop();
        selfClosing.pop();
        text = '';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  const found = kind as SourceKind | null; // set inside the parser's callbacks
  const unique = [...new Set(links)];
  return found === 'sitemapindex' ? { kind: found, links: unique, lastmod, notWellFormed } : { kind: found, links: unique, notWellFormed };
}
