import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import builder from '../fixtures/extract/near-empty-builder.html?raw';
import recipe from '../fixtures/extract/recipe-steps.html?raw';

describe('never near-empty', () => {
  it('a page builder that wraps each paragraph alone, under a photo caption that scores higher, gives its story, not the caption', () => {
    const { text } = extractArticle(builder, 'https://valleynews.example/floods');
    expect(text).toContain('The river rose two metres overnight');
    expect(text).toContain('Forecasters expect more rain next week');
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(5);
    // Recall, not everything: the menu, the per-row link lists and the footer stay out.
    for (const furniture of ['More on floods', 'Share', 'Privacy', 'Sport']) expect(text).not.toContain(furniture);
  });

  it('a page whose body was found whole is not read again', () => {
    const { text } = extractArticle(recipe, 'https://homekitchen.example/lemon-cake');
    expect(text.startsWith('A bright, easy cake for spring afternoons.')).toBe(true);
    expect(text).not.toContain('Recipes');
  });
});
