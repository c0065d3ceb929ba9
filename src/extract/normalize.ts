/**
 * Text normalization shared by every extractor: what two versions must agree on to be "the same".
 * Unicode NFC, invisible characters dropped, whitespace collapsed inside a paragraph, and
 * paragraphs kept apart by exactly one blank line. `comparisonForm` goes further: it is what a
 * check compares (and hashes), so a re-flow or a joiner alone is never an edit.
 */

/**
 * Characters that never mean anything to a reader, and change between renders: zero-width space,
 * word joiner and invisible operators, BOM, soft hyphen, the bidi marks (LRM, RLM, ALM) and
 * embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the Mongolian vowel separator,
 * interlinear annotation marks, and C0/C1 control characters other than the whitespace ones (tab,
 * line feed, vertical tab, form feed, carriage return, NEL). A U+202E inside a headline would
 * otherwise show it reversed on our pages. ZWJ and ZWNJ stay: they choose letter forms in Persian,
 * Indic scripts and emoji (see comparisonForm).
 */
const INVISIBLE =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;
/**
 * Characters that change how a text renders, never which words it says: the joiners (ZWNJ, ZWJ:
 * letter forms in Persian and Indic scripts, emoji sequences), variation selectors (U+FE00-FE0F,
 * U+E0100-E01EF: emoji or text presentation), tag characters (U+E0000-E007F: subdivision flags),
 * the combining grapheme joiner (U+034F) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0).
 * Stored text keeps them, for display; two versions are compared without them.
 */
const JOINERS = /\u200C|\u200D|\u034F|[\u115F\u1160\u3164\uFFA0]|[\uFE00-\uFE0F]|[\u{E0000}-\u{E007F}]|[\u{E0100}-\u{E01EF}]/gu;
// Every horizontal space Unicode knows, including NBSP and the narrow/figure spaces.
const SPACES = /[\t\v\f \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

/**
 * Runs of whitespace (and NEL, which `\s` leaves out) that are not already one plain space: a
 * paragraph collapses each to one space. Matching a lone space too would give the same text, one
 * replacement per word.
 */
const WHITESPACE_RUN = /(?:[^\S ]|\u0085)[\s\u0085]*| [\s\u0085]+/g;

/**
 * East Asian wide characters (Han, Hiragana, Katakana, by script extension so 。、「」 count, CJK
 * symbols and full-width forms), not Hangul: Korean puts spaces between words.
 */
const WIDE = String.raw`\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\u3001-\u303F\uFF01-\uFF60\uFFE0-\uFFE6`;
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'u');
/**
 * Whitespace holding a line break between two wide characters. CSS Text 3 renders such a segment
 * break as nothing (segment break transformation; Firefox does), so a Chinese paragraph wrapped in
 * the HTML source (修⏎复) reads 修复, not 修 复. A space the author typed stays: a browser shows it.
 */
const WRAP_BETWEEN_WIDE = new RegExp(
  // The character before is looked at only once a break is found (a lookbehind first is tried everywhere).
  `[^\\S\\n\\r\\u2028\\u2029]*[\\n\\r\\u2028\\u2029\\u0085][\\s\\u0085]*(?<=[${WIDE}][\\s\\u0085]+)(?=[${WIDE}])`,
  'gu',
);

/** Normalizes one paragraph: a single line with single spaces. */
export function normalizeParagraph(text: string): string {
  const visible = text.normalize('NFC').replace(INVISIBLE, '');
  const unwrapped = WIDE_CHAR.test(visible) ? visible.replace(WRAP_BETWEEN_WIDE, '') : visible;
  return unwrapped.replace(WHITESPACE_RUN, ' ').trim();
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

/** The text without the characters that change only how it renders (JOINERS): what a diff's hunk must differ in to be an edit. */
export function withoutRenderingMarks(text: string): string {
  return text.replace(JOINERS, '');
}

/**
 * The form two versions are compared in: the text normalized again (so text stored by an older
 * normalizer compares like new text), joiners dropped and every run of whitespace, paragraph
 * breaks included, one space. Two texts with the same comparison form say the same words in the
 * same order: a re-flow of paragraphs, a space become a line break or a ZWNJ added is not an edit.
 */
export function comparisonForm(text: string): string {
  const spaced = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(JOINERS, '')
    .replace(/[\s\u0085]+/g, ' ')
    .trim();
  return SPACELESS_CHAR.test(spaced) ? spaced.replace(SPACE_NEXT_TO_SPACELESS, '') : spaced;
}

/** A character of a script written without spaces between words: the wide ones, Thai, Lao, Khmer, Myanmar. */
const SPACELESS = String.raw`${WIDE}\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}`;
const SPACELESS_CHAR = new RegExp(`[${SPACELESS}]`, 'u');
/**
 * In the comparison form, a space beside such a character, or between two punctuation marks (”
 * “), separates no words: paragraphs of Chinese or Japanese joined or split at 。 read the same
 * with or without one, and so does a space a site's template puts between 中文 and Latin.
 */
// Each branch opens with the space, so the scan tests a character class only at spaces.
const SPACE_NEXT_TO_SPACELESS = new RegExp(` (?:(?=[${SPACELESS}])|(?<=[${SPACELESS}] )|(?<=\\p{P} )(?=\\p{P}))`, 'gu');

/**
 * The form two readings of a byline are compared in: its comparison form without case, a leading
 * "By"/"Von"/"Par" (a meta tag's "Jane Doe" is the page's "By Jane Doe"), and with the words that
 * join names ("and", "&", "und", "et", a comma) one comma: the same names in the same order.
 */
export function bylineForm(byline: string | null | undefined): string {
  return comparisonForm(byline ?? '')
    .toLowerCase()
    .replace(/^(?:(?:written|reporting|story|words)\s+)?(?:by|von|par)\s*:?\s+/, '')
    .replace(/\s*(?:,|&|\s(?:and|und|et)\s)\s*/g, ',');
}
