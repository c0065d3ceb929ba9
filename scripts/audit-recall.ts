/**
 * `npx tsx scripts/audit-recall.ts [--readability] [--revisions] [CORPUS_DIR...]`: a recall audit.
 * For every page, the lines of the reference text (a corpus page's expected.txt; for a revision
 * page, the text of the container its reference diff was read from) that our extraction misses
 * entirely, each with the block that held it and why it went: outside the body chosen, left out by
 * the body's cleaning (which rule), dropped while parsing (which tag), or a line rule.
 * `--readability` keeps only the lines Readability.js (on linkedom) keeps, so what is listed is
 * text Readability keeps that we drop. A tool for tuning the extractor; the check never runs it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../src/extract/charset';
import { bodyFilter } from '../src/extract/clean';
import { classWeight, isFurniture } from '../src/extract/hints';
import { extractArticle } from '../src/extract/index';
import { findBody, linkDensity } from '../src/extract/score';
import { buildTree, type Element, SKIP } from '../src/extract/tree';
import { tokens } from './lib/extraction-score';
import { blockParagraphs, extractWithReadability } from './lib/readability-baseline';

const args = process.argv.slice(2);
const withReadability = args.includes('--readability');
const revisions = args.includes('--revisions');
/** The reference is Readability's own text: what it keeps that we drop, wherever it sits. */
const readabilityRef = args.includes('--readability-text');
const dirs = args.filter((a) => !a.startsWith('--'));

const low = (text: string) => tokens(text).map((t) => t.toLowerCase());

/** Share of a line's words our text holds: 4-word shingles, or the whole line when it is shorter. */
function presence(line: string[], textJoined: string, shingles: Set<string>): number {
  if (line.length < 4) return textJoined.includes(` ${line.join(' ')} `) ? 1 : 0;
  let found = 0;
  for (let i = 0; i + 4 <= line.length; i++) if (shingles.has(line.slice(i, i + 4).join(' '))) found++;
  return found / (line.length - 3);
}

function shingleSet(toks: string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 4 <= toks.length; i++) set.add(toks.slice(i, i + 4).join(' '));
  return set;
}

/** Every token of the pruned tree with the element whose own text holds it. */
function treeTokens(root: Element): { toks: string[]; owners: Element[] } {
  const toks: string[] = [];
  const owners: Element[] = [];
  const walk = (element: Element) => {
    for (const child of element.children) {
      if (typeof child === 'string') {
        for (const t of low(child)) {
          toks.push(t);
          owners.push(element);
        }
      } else walk(child);
    }
  };
  walk(root);
  return { toks, owners };
}

function find(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function ancestors(element: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = element; node; node = node.parent) chain.push(node);
  return chain;
}

function commonAncestor(elements: Element[]): Element {
  let chain = ancestors(elements[0]);
  for (const element of elements.slice(1)) {
    const set = new Set(ancestors(element));
    chain = chain.filter((e) => set.has(e));
  }
  return chain[0];
}

/** What the parser leaves out (tree.ts), and a <time> naming no moment (a relative one). */
const PARSE_SKIPPED = new Set([...SKIP, 'time']);

const describe = (e: Element) => `<${e.tag}${e.hint ? ` "${e.hint.trim().slice(0, 40)}"` : ''}>`;

/** Which of bodyFilter's rules leaves `element` out (they are replicated here to name them). */
function whyLeftOut(element: Element, bodyLen: number): string {
  if (element.dropped) return element.tag.match(/^(nav|footer|aside|dialog|menu)$/) ? `tag ${element.tag}` : 'hidden';
  if (element.tag === 'h1') return 'h1';
  if (isFurniture(element)) return 'furniture class';
  if (element.tag === 'header' && element.paragraphs < 3) return 'header';
  const weight = classWeight(element);
  if (weight + element.score < 0) return 'negative class weight';
  const density = linkDensity(element);
  const isList = element.tag === 'ul' || element.tag === 'ol' || element.tag === 'dl';
  if (density > 0.5 && (isList || element.textLen < 600)) return 'links > 0.5';
  if (weight < 25 && density > 0.33 && element.paragraphs < 2) return 'links > 0.33';
  if (element.inputs > 0) return 'inputs';
  return `? (${bodyLen})`;
}

interface Miss {
  page: string;
  line: string;
  cause: string;
  block: string;
}

function explain(
  html: string,
  wholeLine: string[],
  treeToks: { toks: string[]; owners: Element[] },
  body: Element[],
  keep: (e: Element) => boolean,
): { cause: string; block: string } {
  let line = wholeLine;
  let at = find(treeToks.toks, line);
  // A line the labeller joined from several spots (a list number from CSS, an icon's name before a
  // name): the longest run of its words that the tree holds, down to half the line.
  for (let len = line.length - 1; at < 0 && len >= Math.max(1, Math.ceil(line.length / 2)); len--) {
    for (let start = 0; at < 0 && start + len <= line.length; start++) {
      at = find(treeToks.toks, line.slice(start, start + len));
      if (at >= 0) line = line.slice(start, start + len);
    }
  }
  if (at < 0) {
    // Not in the pruned tree: dropped while parsing. Find it in a DOM to name the tag.
    const { document } = parseHTML(html);
    const texts: { t: string; node: { parentNode: unknown } }[] = [];
    const walker = (node: any) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) for (const t of low(child.nodeValue ?? '')) texts.push({ t, node: child });
        else if (child.nodeType === 1) walker(child);
      }
    };
    walker(document.documentElement);
    const hit = find(
      texts.map((x) => x.t),
      line,
    );
    if (hit < 0) return { cause: 'parse: not found in DOM (split by markup?)', block: '' };
    const named = new Set<string>();
    for (let k = hit; k < hit + line.length; k++) {
      for (let node: any = texts[k].node.parentNode; node?.tagName; node = node.parentNode) {
        const tag = node.tagName.toLowerCase();
        if (PARSE_SKIPPED.has(tag)) named.add(tag);
        else if (
          node.hasAttribute?.('hidden') ||
          node.getAttribute?.('aria-hidden') === 'true' ||
          /display\s*:\s*none/.test(node.getAttribute?.('style') ?? '')
        )
          named.add('hidden');
      }
    }
    const first = texts[hit].node.parentNode as any;
    return { cause: `parse: ${[...named].join('+') || 'split'}`, block: `<${first?.tagName?.toLowerCase()} "${first?.getAttribute?.('class') ?? ''}">` };
  }
  const owners = treeToks.owners.slice(at, at + line.length);
  const holder = commonAncestor(owners);
  const chain = ancestors(holder);
  const rootIndex = chain.findIndex((e) => body.includes(e));
  if (rootIndex < 0) {
    const hidden = chain.find((e) => e.dropped);
    return { cause: hidden ? `outside body (in ${hidden.tag === 'div' ? 'hidden' : hidden.tag})` : 'outside body', block: describe(holder) };
  }
  const bodyLen = body.reduce((s, e) => s + e.goodLen, 0);
  for (let k = rootIndex - 1; k >= 0; k--) {
    const e = chain[k];
    if (!keep(e))
      return { cause: `left out: ${whyLeftOut(e, bodyLen)}`, block: `${describe(e)} text ${e.textLen} links ${e.linkLen} li ${e.listItems} p ${e.paragraphs}` };
  }
  return { cause: 'line rule', block: describe(holder) };
}

function audit(page: string, html: string, reference: string, url: string | undefined, misses: Miss[], refLines: { n: number; words: number }) {
  const text = extractArticle(html, url).text;
  const ours = low(text);
  const joined = ` ${ours.join(' ')} `;
  const shingles = shingleSet(ours);
  const refText = readabilityRef ? extractWithReadability(html, url).text : reference;
  let rlJoined = '';
  let rlShingles = new Set<string>();
  if (withReadability) {
    const rl = low(extractWithReadability(html, url).text);
    rlJoined = ` ${rl.join(' ')} `;
    rlShingles = shingleSet(rl);
  }
  const tree = buildTree(html);
  const body = findBody(tree.root);
  const keep = bodyFilter(body);
  const treeToks = treeTokens(tree.root);
  for (const raw of refText.split('\n')) {
    const line = low(raw);
    if (line.length === 0) continue;
    refLines.n++;
    refLines.words += line.length;
    if (presence(line, joined, shingles) >= 0.25) continue;
    if (withReadability && presence(line, rlJoined, rlShingles) < 0.75) continue;
    const { cause, block } = explain(html, line, treeToks, body, keep);
    misses.push({ page, line: raw.trim().slice(0, 110), cause, block });
  }
}

function containerText(html: string, selector: string): string {
  const { document } = parseHTML(html);
  const container = document.querySelector(selector);
  return container ? blockParagraphs(container as never).join('\n') : '';
}

const misses: Miss[] = [];
const refLines = { n: 0, words: 0 };
if (revisions) {
  const root = dirs[0] ?? '../shared/revisions';
  for (const id of readdirSync(root).sort()) {
    const metaFile = join(root, id, 'meta.json');
    if (!existsSync(metaFile)) continue;
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    for (const side of ['old', 'new'] as const) {
      const html = decodeHtml(new Uint8Array(readFileSync(join(root, id, `${side}.html`))), null);
      audit(`${id}/${side}`, html, containerText(html, meta[side].selector), meta[side].url, misses, refLines);
    }
  }
} else {
  for (const corpus of dirs.length > 0 ? dirs : ['../shared/corpus/wcxb', '../shared/corpus/readability']) {
    for (const page of readdirSync(corpus).sort()) {
      const expectedFile = join(corpus, page, 'expected.txt');
      if (!existsSync(expectedFile)) continue;
      const html = decodeHtml(new Uint8Array(readFileSync(join(corpus, page, 'source.html'))), null);
      const urlFile = join(corpus, page, 'url.txt');
      const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined;
      audit(`${corpus.split('/').pop()}/${page}`, html, readFileSync(expectedFile, 'utf8'), url, misses, refLines);
    }
  }
}

for (const miss of misses) console.log(`${miss.page}\t${miss.cause}\t${miss.block}\t${miss.line}`);
const tally = new Map<string, { lines: number; pages: Set<string> }>();
for (const miss of misses) {
  const key = miss.cause.replace(/ \(\d+\)$/, '').replace(/^x/, 'x');
  const entry = tally.get(key) ?? { lines: 0, pages: new Set() };
  entry.lines++;
  entry.pages.add(miss.page);
  tally.set(key, entry);
}
console.log(`\nreference lines ${refLines.n} (${refLines.words} words), missed entirely ${misses.length}`);
for (const [cause, { lines, pages }] of [...tally].sort((a, b) => b[1].lines - a[1].lines))
  console.log(`${String(lines).padStart(5)} lines ${String(pages.size).padStart(4)} pages  ${cause}`);
