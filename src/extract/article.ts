/**
 * The generation of the rules that read bylines, kept on each version: 2 reads the byline a reader
 * sees (a "By …" line under the headline, an author element) besides the meta tag. A version read
 * by generation 1 with no byline may have had one on the page that was not read, so a check takes
 * the byline it reads now as that version's; from generation 2 on, no byline means none was shown,
 * and a byline appearing is an edit. 3 reads the names alone (no time, "Updated …" or counter on
 * their line), every author link of a line, and a JSON-LD author only when the page shows none: a
 * byline read by generation 2 is that version's byline when it names the same people once cut
 * where its names end, or names some of them (byline-names.ts sameNamesAsReadBefore). 4 reads a
 * name that opens with an initial whatever its surname ("A. Reporter") and cuts a role after the
 * names ("Jane Doe, Staff Writer"), reads "Por", "Door" and "di" bylines and given names that are
 * months (Jan, August): a byline read by 3 is compared the same lenient way.
 */
export const BYLINE_READING = 4;
/** The first generation that read the byline a reader sees: before it, no byline means none was read. */
export const VISIBLE_BYLINE_READING = 2;
/**
 * The generation of the rules that read a page's text. Bumped by a change that reads the same page's
 * text differently (a block kept that was left out, a line read that was not): a check of a version
 * read by an older generation compares the page with that version's own HTML read by today's rules
 * (src/check/check-article.ts), so the change of rules itself is no edit. 2 (2026-11-26): collapsed
 * panels and a story's hidden rest after "Continue reading", update lines beside the body, lists of
 * linked titles and of names, quote attributions and fact boxes, a story's own table cell, a byline's
 * line with its time left out, line breaks below the depth kept. 3: a standfirst written without spaces
 * (Chinese, Japanese, Thai). 4: update lines labelled in Chinese, Japanese, Korean or Arabic.
 * 5: correction notices in those languages set in an <aside> or <footer> of the story. 6: page
 * noise left out (teasers, native ads and polls between paragraphs, lines of relative times,
 * counters, age banners and players: story-inserts.ts, reader-lines.ts). 7: a body cleaned to near
 * nothing read again in its article or main region, dates in <time> by month name. 8: a story
 * split into blocks of one kind, each in a wrapper of its own, read whole (score.ts gatherKind).
 */
export const TEXT_READING = 8;

/** What extraction makes of one HTML page. */
export interface Article {
  /** The visible headline (h1), else og:title / JSON-LD / <title> without the site suffix. */
  title: string;
  byline: string | null;
  /** Normalized body text: NFC, whitespace collapsed, paragraphs separated by one blank line. */
  text: string;
  publishedAt: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  /**
   * Where the body sat in the page (body-path.ts), for the next check of the same page; null when
   * a site rule, the recall read or JSON-LD gave the text. Not part of the version's words.
   */
  bodyPath?: string | null;
}
