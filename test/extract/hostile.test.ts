import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const PARAGRAPH = '<p>The harbor council met on Tuesday and approved the budget, after a long debate.</p>';

describe('hostile HTML never throws and stays bounded', () => {
  it('100,000 levels of nesting', () => {
    const depth = 100_000;
    const html = `<body>${'<div>'.repeat(depth)}${PARAGRAPH}${'</div>'.repeat(depth)}</body>`;
    const start = Date.now();
    const article = extractArticle(html);
    expect(article.text).toContain('approved the budget');
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('below the depth kept, paragraphs stay apart and read as they do above it', () => {
    const story = '<p>The council met in the town hall.</p><p>Council member Dana Ortiz led the opposition.</p>';
    const at = (depth: number) => extractArticle(`<body>${'<div>'.repeat(depth)}${story}${'</div>'.repeat(depth)}</body>`).text;
    expect(at(300)).toBe('The council met in the town hall.\n\nCouncil member Dana Ortiz led the opposition.');
    expect(at(300)).toBe(at(200));
  });

  it('100,000 unclosed inline and block tags', () => {
    const html = `<body>${'<span><div><b>'.repeat(33_334)}${PARAGRAPH}`;
    expect(extractArticle(html).text).toContain('approved the budget');
  });

  it('a 10 MB attribute', () => {
    const html = `<body><div class="${'a'.repeat(10 * 2 ** 20)}">${PARAGRAPH}</div><img alt="${'x '.repeat(2 ** 20)}"></body>`;
    expect(extractArticle(html).text).toContain('approved the budget');
  });

  it('NUL bytes in text, tags and attributes', () => {
    const html = `<body><di\u0000v class="\u0000"><p>The harbor\u0000 council met on Tuesday and approved the budget, after a long debate.</p></div>\u0000</body>`;
    const { text } = extractArticle(html);
    expect(text).toContain('approved the budget');
    expect(text).not.toContain('\u0000');
  });

  it('unclosed tags, stray end tags and an unterminated comment', () => {
    const html = `<html><body><article><p>The harbor council met on Tuesday and approved the budget, after a long debate.<p>Second paragraph of the story, which continues here at some length.</td></tr></table></article></div></span><!-- never closed <p>hidden`;
    const { text } = extractArticle(html);
    expect(text).toContain('approved the budget');
    expect(text).toContain('Second paragraph');
    expect(text).not.toContain('hidden');
  });

  it('random markup never throws and always gives normalized text', () => {
    const tag = fc.constantFrom(
      'div',
      'p',
      'span',
      'a',
      'article',
      'script',
      'style',
      'table',
      'tr',
      'td',
      'li',
      'ul',
      'h1',
      'h2',
      'br',
      'aside',
      'nav',
      'template',
      'svg',
      'title',
      'meta',
      'img',
    );
    const attribute = fc.tuple(
      fc.constantFrom('class', 'id', 'hidden', 'style', 'itemprop', 'role', 'aria-hidden', 'href', 'rel', 'content', 'property'),
      fc.string({ maxLength: 20 }),
    );
    const token = fc.oneof(
      fc.tuple(tag, fc.array(attribute, { maxLength: 3 })).map(([t, attrs]) => `<${t}${attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>`),
      tag.map((t) => `</${t}>`),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '<', '>', '&amp;', '&#0;', '&#xD800;', '\u0000', '<!doctype html>', '"', "'", '='),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), fc.option(fc.webUrl()), (tokens, url) => {
        const article = extractArticle(tokens.join(''), url ?? undefined);
        expect(typeof article.title).toBe('string');
        expect(typeof article.text).toBe('string');
        expect(article.text).not.toMatch(/\n\n\n|^\s|\s$|[ \t]{2}/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fields a page abuses', () => {
  it('a 100,000-character headline or byline is cut at a word to a few hundred characters', async () => {
    const { extractArticle } = await import('../../src/extract');
    const long = Array.from({ length: 20_000 }, (_, i) => `word${i}`).join(' ');
    const article = extractArticle(
      `<html><head><title>${long}</title><meta name="author" content="${long}"></head><body><article><h1>${long}</h1><p>${'Plain text of the story. '.repeat(40)}</p></article></body></html>`,
    );
    expect(article.title.length).toBeLessThanOrEqual(401);
    expect(article.title.endsWith('…')).toBe(true);
    expect(article.title.startsWith('word0 word1 word2')).toBe(true);
    expect((article.byline ?? '').length).toBeLessThanOrEqual(301);
  });
});
