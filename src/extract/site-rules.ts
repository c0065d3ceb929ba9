/**
 * Site rules: a small declarative table for outlets where the generic extractor picks the wrong
 * blocks. A rule names the host (it also covers its subdomains), the selector of the body (every
 * match is kept, in document order) and selectors of blocks to leave out. The generic path never
 * depends on this table; every rule has a fixture test in test/extract/site-rules.test.ts.
 */
import { parseSelector, type Selector } from './selector';

export interface SiteRule {
  host: string;
  /** Selector of the article body; all matches, in document order. */
  body: string;
  /** Selectors of blocks inside the body to leave out. */
  drop?: string[];
  /** Why the generic path fails there: kept so a rule can be retired when it no longer does. */
  why: string;
}

export const SITE_RULES: SiteRule[] = [
  {
    host: 'nescafe.com',
    body: 'section.adp-editorial',
    why: 'the story is cut into one editorial section per image; each alone outscores the page that holds them all',
  },
  {
    host: 'startups.epam.com',
    body: '#blog-main-content',
    drop: ['form'],
    why: 'each blog section is its own rich-text module, and one long module outscores the whole article',
  },
];

export interface CompiledRule {
  body: Selector;
  drop: Selector | null;
}

const compiled = new Map<string, CompiledRule>();

/** Lower-cased attribute names the rules' selectors test: the parser must keep these. */
export const RULE_ATTRIBUTES: ReadonlySet<string> = new Set(
  SITE_RULES.flatMap((rule) =>
    [rule.body, ...(rule.drop ?? [])].flatMap((source) =>
      parseSelector(source).flatMap((chain) => chain.flatMap((compound) => compound.attrs.map(([name]) => name))),
    ),
  ),
);

/** The rule for a page's host (or a parent domain of it), compiled once. */
export function ruleFor(host: string | null): CompiledRule | null {
  if (!host) return null;
  const name = host.toLowerCase().replace(/^www\./, '');
  const rule = SITE_RULES.find((r) => name === r.host || name.endsWith(`.${r.host}`));
  if (!rule) return null;
  let result = compiled.get(rule.host);
  if (!result) {
    result = { body: parseSelector(rule.body), drop: rule.drop?.length ? parseSelector(rule.drop.join(', ')) : null };
    compiled.set(rule.host, result);
  }
  return result;
}
