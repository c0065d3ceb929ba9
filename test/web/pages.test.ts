/** The reader's pages: home with filters, the history timeline, both diff views, the record of a site. */
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from '../helpers';
import { HEADLINE, trackFoundingStory } from '../feeds/story';

const CORRECTED = /<del>Rybakov<\/del> <ins>Ryabkov<\/ins>/g;

async function html(path: string, status = 200) {
  const response = await page(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
  expect(response.headers.get('content-security-policy'), path).not.toContain('script-src');
  return response.text();
}

describe('pages', () => {
  let id: string;
  let site: string;

  beforeAll(async () => {
    const story = await trackFoundingStory('/pages/2016/11/11/russia.html');
    id = story.id;
    site = new URL(story.url).hostname;
  });

  it('every page has landmarks, a skip link, a language and feed discovery links, and no script', async () => {
    for (const path of ['/', `/articles/${id}`, `/articles/${id}/diff/1/2`, `/articles/${id}/diff/1/2?view=side`, `/sites/${site}`, '/api/docs']) {
      const text = await html(path);
      expect(text, path).toContain('<html lang="en">');
      expect(text, path).toContain('<main id="main"');
      expect(text, path).toContain('<header class="site">');
      expect(text, path).toContain('<nav aria-label="Redline">');
      expect(text, path).toContain('<footer class="site');
      expect(text, path).toContain('href="#main"');
      expect(text, path).toContain('name="viewport"');
      expect(text, path).toMatch(/type="application\/atom\+xml"/);
      expect(text, path).toMatch(/type="application\/feed\+json"/);
      expect(text, path).not.toMatch(/<script/i);
    }
  });

  it('the home page lists the change with its kinds and filters by kind and by site', async () => {
    const home = await html('/');
    expect(home).toContain(`/articles/${id}/diff/1/2`);
    expect(home).toMatch(/class="kind kind-correction"/);
    expect(home).toMatch(/<label for="filter-kind">/);
    expect(home).toMatch(/<label for="filter-site">/);
    expect(await html('/?kind=spelling')).toContain(`/articles/${id}/diff/1/2`);
    expect(await html('/?kind=rewrite')).not.toContain(`/articles/${id}/diff/1/2`);
    const bySite = await html(`/?site=${site}&kind=correction`);
    expect(bySite).toContain(`/articles/${id}/diff/1/2`);
    expect(bySite).toContain(`/sites/${site}/feed.xml?kind=correction`);
    expect(await html('/?site=elsewhere.example')).not.toContain(`/articles/${id}/diff/1/2`);
    await html('/?kind=typo', 400);
  });

  it('the history page is a timeline of every version with kinds, words and links to both diff views', async () => {
    const history = await html(`/articles/${id}`);
    expect(history).toContain(HEADLINE);
    expect(history).toContain('<ol class="timeline"');
    expect(history).toContain('id="change-000002"');
    expect(history).toContain('id="change-000001"');
    expect(history).toMatch(/\d+ words added, 3 removed/);
    expect(history).toContain(`/articles/${id}/diff/1/2?view=side`);
    expect(history).toMatch(/kind kind-spelling/);
    expect(history).toContain(`action="/articles/${id}/compare"`);
    expect(history).toContain('Last change of state: a new version stored');
  });

  it('the compare form leads to the diff page', async () => {
    const response = await SELF.fetch(`http://redline.test/articles/${id}/compare?from=2&to=1&view=side`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/articles/${id}/diff/1/2?view=side`);
  });

  it('the inline diff marks each edit with a permalink, and links the views and the neighbouring changes', async () => {
    const diff = await html(`/articles/${id}/diff/1/2`);
    expect(diff.match(CORRECTED)).toHaveLength(3);
    expect(diff).toContain('Correction: November 11, 2016');
    expect(diff).toContain('id="edit-1"');
    expect(diff).toContain('href="#edit-1"');
    expect(diff).toMatch(/<a href="\/articles\/[0-9a-f]+\/diff\/1\/2" aria-current="page">Inline<\/a>/);
    expect(diff).toContain(`href="/articles/${id}/diff/1/2?view=side"`);
    expect(diff).toContain('This is the first change.');
    expect(diff).toContain('This is the latest change.');
  });

  it('the side-by-side diff puts the old text beside the new', async () => {
    const side = await html(`/articles/${id}/diff/1/2?view=side`);
    expect(side).toContain('<table class="sbs">');
    expect(side).toMatch(/<th scope="col">Version 1<\/th><th scope="col">Version 2<\/th>/);
    const rows = side.match(/<tr class="changed">[\s\S]*?<\/tr>/g) ?? [];
    expect(
      rows.some((row) => /<td data-label="Version 1">[\s\S]*<del>Rybakov<\/del>[\s\S]*<\/td><td data-label="Version 2">[\s\S]*<ins>Ryabkov<\/ins>/.test(row)),
    ).toBe(true);
    expect(side).toMatch(/aria-current="page">Side by side/);
  });

  it('the record of a site counts its articles, changes by kind and silent edits', async () => {
    const record = await html(`/sites/${site}`);
    expect(record).toContain(`The record of ${site}`);
    expect(record).toContain('articles tracked');
    expect(record).toContain('silent edits');
    expect(record).toContain('median time from first sight to first change');
    expect(record).toContain(`/articles/${id}/diff/1/2`);
    await html('/sites/nothing-tracked.example', 404);
  });

  it('unknown articles and versions answer a readable 404 page', async () => {
    expect(await html('/articles/0123456789abcdef', 404)).toContain('No such article');
    expect(await html(`/articles/${id}/diff/2/9`, 404)).toContain('Not found');
  });
});
