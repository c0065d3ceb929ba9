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
