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
}
