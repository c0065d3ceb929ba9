/**
 * HTML -> Article. The one extraction entry point: the check, the CLI, eval and bench call this.
 * One parse into a pruned tree (tree.ts), the body found by scoring (score.ts) or a site rule
 * (site-rules.ts), its furniture left out (clean.ts), its paragraphs normalized (normalize.ts).
 */
export type { Article } from './article';
export { normalizeText, paragraphsOf } from './normalize';
import type { Article } from './article';
import { bodyFilter } from './clean';
import { linkedArticleBody, readMetadata } from './metadata';
import { normalizeParagraph } from './normalize';
import { findBody } from './score';
import { matches, selectAll } from './selector';
import { ruleFor } from './site-rules';
import { paragraphTexts } from './text';
import { buildTree, type Element } from './tree';

export function extractArticle(html: string, url?: string): Article {
  try {
    const { root, head } = buildTree(html);
    const metadata = readMetadata(head, url);
    const rule = ruleFor(hostOf(url ?? metadata.canonicalUrl));
    const ruled = rule ? selectAll(root, rule.body) : [];
    const body = ruled.length > 0 ? ruled : findBody(root);
    const generic = bodyFilter(body);
    const drop = rule?.drop;
    const keep = drop ? (element: Element) => !matches(element, drop) && generic(element) : generic;
    let text = dropBoilerplateLines(paragraphTexts(body, keep).map(normalizeParagraph)).join('\n\n');
    if (!rule && head.jsonLd.length > 0) {
      // The page may render its story by script: JSON-LD's articleBody is then the only full copy.
      const linked = dropBoilerplateLines(linkedArticleBody(head.jsonLd).map(normalizeParagraph)).join('\n\n');
      if (linked.length >= LINKED_BODY_MINIMUM && text.length < linked.length * 0.5) text = linked;
    }
    return { ...metadata, text };
  } catch {
    // Extraction must never take a check down: an unreadable page is an empty article.
    return { title: '', byline: null, text: '', publishedAt: null, canonicalUrl: null, lang: null };
  }
}

/** A JSON-LD articleBody shorter than this is a summary, never a replacement for the page's body. */
const LINKED_BODY_MINIMUM = 500;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Whole paragraphs that are page furniture in any article ("Advertisement", "Continue reading"). */
const BOILERPLATE =
  /^(?:advertisement|advertisements|ad|sponsored|supported by|continue reading(?: the main story| below| below the ad)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|skip to (?:main )?content|share(?: this(?: article| story| post)?)?|read more|loading\W*|scroll to continue(?: with content)?)$/i;

/**
 * Drops furniture lines, and a body rendered more than once: responsive sites render the same
 * paragraphs once per screen size and hide all but one with CSS. A single repeated paragraph
 * (a pull quote, a refrain, filler text) stays.
 */
function dropBoilerplateLines(paragraphs: string[]): string[] {
  const lines = paragraphs.filter((line) => line !== '' && !(line.length < 60 && BOILERPLATE.test(line)));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const line of lines) {
    if (line.length < 40) continue;
    if (seen.has(line)) repeated.add(line);
    else seen.add(line);
  }
  if (repeated.size < 3) return lines;
  seen.clear();
  return lines.filter((line) => {
    if (line.length < 40) return true;
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}
