/**
 * The stable-choice check: drop one paragraph from a page's HTML and extract again; the text must
 * differ by exactly that paragraph. Shared by `npm run eval:stability` (whole corpora) and the
 * seeded test over the copies in test/fixtures/stability.
 */
import { extractArticle } from '../../src/extract';
import { normalizeParagraph, paragraphsOf } from '../../src/extract/normalize';

const P = /<p\b[^>]*>([\s\S]*?)<\/p>/gi;
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
    if (text.length >= 40 && counts.get(text) === 1 && !/<p\b/i.test(m[1])) candidates.push({ start: m.index, end: m.index + m[0].length, text });
  }
  const usable = candidates.filter((c) => seenInHtml.get(c.text) === 1);
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
