/**
 * Links out of Redline, to the articles it tracks. Only http(s) URLs become links: a stored URL
 * with any other scheme (javascript:, data:, file:...) is shown as text, whatever got it into
 * storage (an old version, an import, a hand-edited KV value). The check runs where the link is
 * rendered, so no path into storage can forget it.
 */
import { html } from 'hono/html';

/** The URL, normalised, when it is an absolute http(s) URL; else null. */
export function webUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to the article at `url`, or its text alone when it is not an http(s) URL. */
export function articleLink(url: string, text: string = url) {
  const href = webUrl(url);
  return href ? html`<a href="${href}" rel="nofollow noopener noreferrer">${text}</a>` : html`<span class="url">${text}</span>`;
}
