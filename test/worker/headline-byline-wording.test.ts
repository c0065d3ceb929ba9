/** A headline-only or byline-only change is a visible change, and the pages say which. */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, page, trackTwoVersions } from '../helpers';

const BODY = [
  'The city council approved a new budget for the water department on Tuesday evening after a long debate.',
  'The plan replaces pipes in the eastern districts over the next four years, officials said.',
  'Opponents argued the money should go to schools, and several residents spoke against the proposal.',
];

function story(headline: string, byline: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${headline} | The Ledger</title></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav><main><article><h1>${headline}</h1><p class="byline">${byline}</p>
<div class="article-body">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></article></main><footer>Footer</footer></body></html>`;
}

/** The meta paragraph under a page's h1 (the og:image alt text also names the headline change). */
function metaParagraph(text: string): string {
  const start = text.indexOf('<p class="meta">');
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, text.indexOf('</p>', start));
}

/** The meta line of the home page's entry for this article. */
async function homeEntry(query: string, id: string): Promise<string> {
  const text = await (await page(`/${query}`)).text();
  const start = text.indexOf(`/articles/${id}/diff/1/2`);
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, text.indexOf('</li>', start));
}

describe('headline-only and byline-only changes', () => {
  let headlineOnly: string;
  let bylineOnly: string;

  beforeAll(async () => {
    headlineOnly = await trackTwoVersions(
      '/wording/headline.html',
      story('Council approves water budget', 'By Ann Lee'),
      story('Council passes water budget', 'By Ann Lee'),
    );
    bylineOnly = await trackTwoVersions(
      '/wording/byline.html',
      story('Pipes to be replaced', 'By Ann Lee'),
      story('Pipes to be replaced', 'By Ann Lee and Bo Park'),
    );
    const headlineDiff = await (await api(`/articles/${headlineOnly}/diff?from=1&to=2`)).json<{ title: unknown; stats: { added: number; removed: number } }>();
    expect(headlineDiff.title).not.toBeNull();
    expect(headlineDiff.stats).toEqual({ added: 0, removed: 0 });
    const bylineDiff = await (await api(`/articles/${bylineOnly}/diff?from=1&to=2`)).json<{ byline: unknown; stats: { added: number; removed: number } }>();
    expect(bylineDiff.byline).toBeTruthy();
    expect(bylineDiff.stats).toEqual({ added: 0, removed: 0 });
  });

  it('the home page says what changed, not "no visible change"', async () => {
    const headline = await homeEntry('?kind=headline', headlineOnly);
    expect(headline).toContain('headline changed');
    expect(headline).not.toContain('no visible change');
    const byline = await homeEntry('?kind=byline', bylineOnly);
    expect(byline).toContain('byline changed');
    expect(byline).not.toContain('no visible change');
  });

  it('the diff page says "headline changed" or "byline changed", not "0 words added, 0 removed"', async () => {
    const headline = await (await page(`/articles/${headlineOnly}/diff/1/2`)).text();
    expect(metaParagraph(headline)).toContain('headline changed');
    expect(headline).not.toContain('0 words added');
    const byline = await (await page(`/articles/${bylineOnly}/diff/1/2`)).text();
    expect(metaParagraph(byline)).toContain('byline changed');
    expect(byline).not.toContain('0 words added');
  });

  it('the history page says the same', async () => {
    const headline = await (await page(`/articles/${headlineOnly}`)).text();
    expect(headline).toContain('headline changed');
    expect(headline).not.toContain('0 words added');
    const byline = await (await page(`/articles/${bylineOnly}`)).text();
    expect(byline).toContain('byline changed');
    expect(byline).not.toContain('0 words added');
  });
});
