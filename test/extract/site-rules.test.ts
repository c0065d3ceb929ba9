import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { parseSelector } from '../../src/extract/selector';
import { SITE_RULES } from '../../src/extract/site-rules';
import nescafe from '../fixtures/extract/site-rules/nescafe.com.html?raw';
import epam from '../fixtures/extract/site-rules/startups.epam.com.html?raw';

/** One fixture per rule, named after the rule's host. */
const FIXTURES: Record<string, string> = { 'nescafe.com': nescafe, 'startups.epam.com': epam };

describe('site rules', () => {
  it('every rule has a fixture and selectors inside the supported subset', () => {
    for (const rule of SITE_RULES) {
      expect(FIXTURES[rule.host], rule.host).toBeTypeOf('string');
      expect(() => parseSelector(rule.body)).not.toThrow();
      for (const drop of rule.drop ?? []) expect(() => parseSelector(drop)).not.toThrow();
    }
  });

  it('nescafe.com: every editorial section, in order, and no banner or product list', () => {
    const { text } = extractArticle(nescafe, 'https://www.nescafe.com/in/coffee-culture/knowledge/coffee-history');
    const paragraphs = text.split('\n\n');
    expect(paragraphs.filter((_p, i) => i % 2 === 0)).toEqual(['The beginnings', 'Across the Red Sea', 'To Europe and beyond', 'Coffee today']);
    expect(text).not.toContain('Discover where coffee comes from');
    expect(text).not.toContain('roast every batch');
  });

  it('startups.epam.com: the article sections without the sales card or the subscribe form', () => {
    const url = 'https://startups.epam.com/blog/software-development-models-comparison';
    const { text } = extractArticle(epam, url);
    expect(text).toMatch(/^Why the model matters\n\nChoosing a software development model/);
    expect(text).toMatch(/often chosen for large, expensive and complicated projects\.$/);
    expect(text).not.toContain('Subscribe');
    expect(text).not.toContain('Book a call');
    // Without the rule the generic path takes the sales card beside the article.
    expect(extractArticle(epam, 'https://elsewhere.example/blog/x').text).toContain('Book a call');
  });

  it('a rule applies to subdomains and is found from the canonical link when no URL is given', () => {
    expect(extractArticle(nescafe).text).toMatch(/^The beginnings/);
  });
});
