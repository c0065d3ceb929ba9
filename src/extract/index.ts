/** HTML -> Article. The one extraction entry point: the check, the CLI, eval and bench call this. */
export type { Article } from './article';
export { normalizeText, paragraphsOf } from './normalize';
import type { Article } from './article';
import { extractWithReadability } from './readability';

export function extractArticle(html: string, url?: string): Article {
  return extractWithReadability(html, url);
}
