/**
 * A sitemap index registered as a source tracks the articles of its newest sitemaps (at most
 * CHILD_SITEMAPS_PER_READ, by <lastmod>), never follows an index inside an index, skips a child
 * it cannot read, and is refused with a clear 400 when none of its sitemaps can be read.
 */
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHILD_SITEMAPS_PER_READ } from '../../src/discovery/sitemap-index';
import { getSource, listArticles } from '../../src/store';
import { cronTick, post, publish } from '../helpers';
import { story, wipe } from '../schedule/scale-helpers';

beforeEach(wipe);

const xml = { headers: { 'content-type': 'application/xml' } };
const sitemap = (links: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${links.map((l) => `<url><loc>${l}</loc></url>`).join('')}</urlset>`;
const index = (children: [string, string | null][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${children
    .map(([loc, lastmod]) => `<sitemap><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`)
    .join('')}</sitemapindex>`;

async function trackedPaths(): Promise<string[]> {
  return (await listArticles(env.REDLINE)).articles.map((a) => new URL(a.url).pathname).sort();
}

describe('a sitemap index', () => {
  it('tracks the articles of its newest sitemaps, and follows the newest one as it fills up', async () => {
    expect(CHILD_SITEMAPS_PER_READ).toBe(3);
    const day = async (date: string, slugs: string[]) => {
      const links = await Promise.all(slugs.map((slug) => publish(`/si/${date}/${slug}`, story(slug))));
      return publish(`/si/sitemap-${date}.xml`, sitemap(links), xml);
    };
    const children: [string, string | null][] = [
      [await day('2026-11-20', ['old-a-1']), '2026-11-20T23:00:00Z'],
      [await day('2026-11-23', ['c-1', 'c-2']), '2026-11-23T23:00:00Z'],
      [await day('2026-11-21', ['old-b-1']), '2026-11-21'],
      [await day('2026-11-24', ['d-1']), '2026-11-24T23:00:00Z'],
      [await day('2026-11-22', ['b-1']), '2026-11-22T23:00:00Z'],
    ];
    const url = await publish('/si/sitemap-index.xml', index(children), xml);
    const response = await post('/sources', { url });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ kind: 'sitemapindex', justTracked: 4, lastError: null });
    expect(await trackedPaths()).toEqual(['/si/2026-11-22/b-1', '/si/2026-11-23/c-1', '/si/2026-11-23/c-2', '/si/2026-11-24/d-1']);

    // The newest sitemap gains an article while the index stays the same: the next read finds it.
    await publish('/si/2026-11-24/d-2', story('d-2'));
    await publish('/si/sitemap-2026-11-24.xml', sitemap([`${new URL(url).origin}/si/2026-11-24/d-1`, `${new URL(url).origin}/si/2026-11-24/d-2`]), xml);
    await cronTick();
    expect(await trackedPaths()).toContain('/si/2026-11-24/d-2');
  });

  it('skips a child it cannot read, and never follows an index inside an index', async () => {
    const good = await publish('/si2/good.xml', sitemap([await publish('/si2/a/good-1', story('good'))]), xml);
    const nested = await publish('/si2/nested.xml', index([[good, null]]), xml);
    const broken = await publish('/si2/broken.xml', 'gone', { status: 500 });
    const url = await publish(
      '/si2/index.xml',
      index([
        [nested, null],
        [broken, null],
        [good, null],
      ]),
      xml,
    );
    const response = await post('/sources', { url });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ kind: 'sitemapindex', justTracked: 1 });
    expect(await trackedPaths()).toEqual(['/si2/a/good-1']);
  });

  it('is refused with a 400 that says why when none of its sitemaps can be read', async () => {
    const html = await publish('/si3/page.html', story('a page'));
    const broken = await publish('/si3/broken.xml', 'gone', { status: 404 });
    const url = await publish(
      '/si3/index.xml',
      index([
        [html, null],
        [broken, null],
      ]),
      xml,
    );
    const response = await post('/sources', { url });
    expect(response.status).toBe(400);
    const { error } = await response.json<{ error: string }>();
    expect(error).toContain('a sitemap index whose newest sitemaps could not be read');
    expect(error).toContain(`${broken}: HTTP 404`);
    expect(error).toContain(`${html}: not a feed or sitemap (text/html)`);
    const empty = await publish('/si3/empty.xml', index([]), xml);
    expect(await (await post('/sources', { url: empty })).json()).toEqual({
      error: `cannot read ${empty} as a feed or sitemap: a sitemap index that names no sitemap`,
    });
  });

  it('records the error on a registered source whose sitemaps stop answering', async () => {
    const child = await publish('/si4/child.xml', sitemap([await publish('/si4/a/one', story('one'))]), xml);
    const url = await publish('/si4/index.xml', index([[child, null]]), xml);
    const { id } = await (await post('/sources', { url })).json<{ id: string }>();
    await publish('/si4/child.xml', 'down', { status: 503 });
    await cronTick();
    expect((await getSource(env.REDLINE, id))?.lastError).toContain(`${child}: HTTP 503`);
  });
});
