import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const BODY = `<p>${'The harbor council met on Tuesday, and the vote was close, as expected. '.repeat(6)}</p>`;

describe('metadata', () => {
  it('the headline is the visible h1, not a hidden one nor the site logo', () => {
    const html = `<html><head><title>Page - Site</title></head><body><header><h1 class="site-logo">The Daily Site</h1></header>
      <div hidden><h1>Old headline</h1></div><article><h1>Real Headline Here</h1>${BODY}</article></body></html>`;
    expect(extractArticle(html).title).toBe('Real Headline Here');
  });

  it('without an h1: og:title, then the <title> without its " - Site" or " | Site" suffix', () => {
    const og = `<html><head><meta property="og:title" content="From Open Graph"><title>Other | Site</title></head><body>${BODY}</body></html>`;
    expect(extractArticle(og).title).toBe('From Open Graph');
    expect(extractArticle(`<title>Storm Closes the Harbor Bridge - The Harbor Times</title><body>${BODY}</body>`).title).toBe('Storm Closes the Harbor Bridge');
    expect(extractArticle(`<title>Storm Closes the Harbor Bridge | Harbor</title><body>${BODY}</body>`).title).toBe('Storm Closes the Harbor Bridge');
    expect(extractArticle(`<title>Page Two | Harbor</title><body>${BODY}</body>`).title).toBe('Page Two | Harbor');
  });

  it('the JSON-LD headline when there is no h1 and no og:title', () => {
    const html = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"From Linked Data","author":[{"name":"Ana Ortiz"},{"name":"Li Wei"}],"datePublished":"2024-01-02T03:04:05Z","inLanguage":"fr"}]}</script><title>x</title><body>${BODY}</body>`;
    const article = extractArticle(html);
    expect(article.title).toBe('From Linked Data');
    expect(article.byline).toBe('Ana Ortiz, Li Wei');
    expect(article.publishedAt).toBe('2024-01-02T03:04:05Z');
    expect(article.lang).toBe('fr');
  });

  it('byline, published time, canonical URL resolved against the page URL, and language', () => {
    const html = `<html lang="de-DE"><head><meta property="article:published_time" content="2016-11-10T09:37:00-05:00">
      <link rel="canonical" href="/2016/11/story.html"></head><body><article><h1>Titel</h1>
      <p class="byline">Von <a rel="author" href="/a">Jana Berg</a></p>${BODY}</article></body></html>`;
    const article = extractArticle(html, 'https://news.example/some/path?utm=1');
    expect(article.byline).toBe('Von Jana Berg');
    expect(article.publishedAt).toBe('2016-11-10T09:37:00-05:00');
    expect(article.canonicalUrl).toBe('https://news.example/2016/11/story.html');
    expect(article.lang).toBe('de-DE');
    expect(article.text).not.toContain('Jana Berg');
  });

  it('a canonical link that is not http(s) is ignored', () => {
    expect(extractArticle(`<link rel="canonical" href="javascript:alert(1)"><body>${BODY}</body>`, 'https://a.example/').canonicalUrl).toBeNull();
  });
});
