/**
 * The stable-choice check: drop one paragraph from a page's HTML and extract again; the text must
 * differ by exactly that paragraph. Shared by `npm run eval:stability` (whole corpora) and the
 * seeded test over the copies in test/fixtures/stability.
 */
import { extractArticle } from '../../src/extract';
import { parseHtml } from '../../src/extract/html';
import { normalizeParagraph, paragraphsOf } from '../../src/extract/normalize';

/** Paragraphs shorter than this are never dropped. */
const MIN_CHARS = 40;
const P = /<p\b[^>]*>([\s\S]*?)<\/p>/gi;
/** Elements whose text a reader never sees as text (a script's JSON-LD holds every paragraph again). */
const UNSEEN = new Set(['script', 'style', 'template', 'noscript', 'title', 'textarea']);
/** Tags inside a line: they part no words. */
const IN_LINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function textOfHtml(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : (ENTITIES[e.toLowerCase()] ?? m),
    );
}

/**
 * How often each line of text a reader sees stands on the page: lines as the extractor's parser
 * decodes them (every named entity), parted at every tag that ends a line, what is never shown
 * (scripts, styles, templates) left out.
 */
function shownLines(html: string): Map<string, number> {
  let text = '';
  let unseen = 0;
  parseHtml(html, {
    open(tag) {
      if (UNSEEN.has(tag)) unseen++;
      if (!IN_LINE.has(tag)) text += '\n';
    },
    close(tag) {
      if (UNSEEN.has(tag)) unseen--;
      if (!IN_LINE.has(tag)) text += '\n';
    },
    text(t) {
      if (unseen === 0) text += t;
    },
    wantsAttributes: () => false,
    wantsText: () => true,
  });
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const normalized = normalizeParagraph(line);
    if (normalized.length >= MIN_CHARS) counts.set(normalized, (counts.get(normalized) ?? 0) + 1);
  }
  return counts;
}

export interface DropResult {
  /** Null when the page has no paragraph that can be dropped on its own (a <p> whose text is one paragraph of the extract). */
  dropped: string | null;
  ok: boolean;
  /** Paragraphs that appeared or disappeared besides the dropped one. */
  extra: string[];
}

/** Drops the paragraph `pick` chooses among the droppable ones; `pick(n)` returns an index below n. */
/**
 * `asCheck`: extract the second page as a check does, knowing where the first page's body sat
 * (`previousBodyPath`) and what text it held (`previousText`); otherwise both pages are read on
 * their own, as `npm run extract` does.
 */
export function dropOneParagraph(html: string, url: string | undefined, pick: (n: number) => number, asCheck = false): DropResult {
  const first = extractArticle(html, url);
  const before = paragraphsOf(first.text);
  const counts = new Map<string, number>();
  for (const p of before) counts.set(p, (counts.get(p) ?? 0) + 1);
  const candidates: { start: number; end: number; text: string }[] = [];
  const seenInHtml = new Map<string, number>();
  for (const m of html.matchAll(P)) {
    const text = normalizeParagraph(textOfHtml(m[1]));
    seenInHtml.set(text, (seenInHtml.get(text) ?? 0) + 1);
    if (text.length >= MIN_CHARS && counts.get(text) === 1 && !/<p\b/i.test(m[1])) candidates.push({ start: m.index, end: m.index + m[0].length, text });
  }
  // A paragraph whose words the page holds again elsewhere (in a script's copy of the page, a
  // heading listed in a table of contents, a bio in two author boxes) may not be the copy the
  // extract read: dropping the other copy changes nothing, which is no instability.
  const shown = candidates.length > 0 ? shownLines(html) : new Map<string, number>();
  const usable = candidates.filter((c) => seenInHtml.get(c.text) === 1 && (shown.get(c.text) ?? 0) <= 1);
  if (usable.length === 0) return { dropped: null, ok: true, extra: [] };
  const chosen = usable[pick(usable.length)];
  const options = asCheck ? { previousBodyPath: first.bodyPath, previousText: first.text } : {};
  const after = paragraphsOf(extractArticle(html.slice(0, chosen.start) + html.slice(chosen.end), url, options).text);
  const expected = before.filter((p) => p !== chosen.text);
  const ok = after.length === expected.length && after.every((p, k) => p === expected[k]);
  const extra = ok
    ? []
    : [...expected.filter((p) => !after.includes(p)).map((p) => `- ${p}`), ...after.filter((p) => !expected.includes(p)).map((p) => `+ ${p}`)];
  return { dropped: chosen.text, ok, extra };
}

/** mulberry32: a small seeded PRNG. */
export function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
