/**
 * Text normalization shared by every extractor: what two versions must agree on to be "the same".
 * Unicode NFC, invisible characters dropped, whitespace collapsed inside a paragraph, and
 * paragraphs kept apart by exactly one blank line.
 */

// Zero-width space, word joiner, BOM, soft hyphen: invisible, and they change between renders.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
// Every horizontal space Unicode knows, including NBSP and the narrow/figure spaces.
const SPACES = /[\t\v\f \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

/**
 * Runs of whitespace (and NEL, which `\s` leaves out) that are not already one plain space: a
 * paragraph collapses each to one space. Matching a lone space too would give the same text, one
 * replacement per word.
 */
const WHITESPACE_RUN = /(?:[^\S ]|\u0085)[\s\u0085]*| [\s\u0085]+/g;

/** Normalizes one paragraph: a single line with single spaces. */
export function normalizeParagraph(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Normalizes a list of paragraphs into body text, dropping the empty ones. */
export function joinParagraphs(paragraphs: Iterable<string>): string {
  const kept: string[] = [];
  for (const p of paragraphs) {
    const normalized = normalizeParagraph(p);
    if (normalized) kept.push(normalized);
  }
  return kept.join('\n\n');
}

/** Normalizes free text whose paragraphs are separated by blank lines. */
export function normalizeText(text: string): string {
  const unified = text.normalize('NFC').replace(INVISIBLE, '').replace(LINE_BREAKS, '\n').replace(SPACES, ' ');
  return joinParagraphs(unified.split(/\n[ ]*\n/));
}

/** Splits normalized body text into its paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text === '' ? [] : text.split('\n\n');
}
