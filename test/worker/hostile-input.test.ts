/**
 * Hostile pages through the whole pipeline: nothing from a page runs or breaks a feed, and
 * the extractor and the differ stay bounded on markup built to hurt them.
 */
import { describe, expect, it } from 'vitest';
import { api, page, post, publish, readFeed } from '../helpers';

const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed * 104729) % 100003}`);
const paragraphs = (total: number, seed: number) => {
  const all = words(total, seed);
  const out: string[] = [];
  for (let i = 0; i < all.length; i += 80) out.push(`<p>${all.slice(i, i + 80).join(' ')}.</p>`);
  return out.join('\n');
};
const article = (headline: string, body: string) =>
  `<!doctype html><html><head><title>${headline}</title></head><body><article><h1>${headline}</h1>${body}</article></body></html>`;

async function trackAndCheck(path: string, html: string) {
  const url = await publish(path, html);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  return { id, first: await (await post(`/articles/${id}/check`, '')).json<{ changed: boolean; error: string | null }>() };
}

describe('hostile input', () => {
  it('page text with markup, CDATA ends and control characters is escaped in pages and feeds', async () => {
    const nasty = 'Evil &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; \u0001\u0008 done';
    const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} says ${nasty} and carries on with enough ordinary words to count.</p>`).join('');
    const { id } = await trackAndCheck('/hostile/escaping', article(`Headline ${nasty}`, body));
    await publish('/hostile/escaping', article(`Headline ${nasty} again`, body.replace('Paragraph 3', 'Paragraph three')));
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 2 });

    for (const path of [`/articles/${id}`, `/articles/${id}/diff/1/2`, '/']) {
      const html = await (await page(path)).text();
      expect(html, path).not.toContain('<script>alert(1)</script>');
      expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.bozo, feed.error ?? '').toBe(false);
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0].title).toContain(']]>');
    expect(feed.entries[0].summary).not.toContain('<script>');
  });

  it('100,000 levels of nesting, NUL bytes and unclosed tags are checked without a crash', async () => {
    const deep = `${'<div>'.repeat(100_000)}<p>${words(60, 1).join(' ')}</p>`;
    const nul = `<p>${words(60, 2).join(' \u0000')}</p><p><b><i>unclosed ${words(40, 3).join(' ')}`;
    for (const [name, body] of [
      ['deep', deep],
      ['nul', nul],
    ]) {
      const { id, first } = await trackAndCheck(`/hostile/${name}`, article(`Hostile ${name}`, body));
      expect(first.error === null || first.error.startsWith('extraction anomaly'), `${name}: ${first.error}`).toBe(true);
      expect((await api(`/articles/${id}`)).status).toBe(200);
    }
  });

  it('a full rewrite of a 20,000-word article stores a diff that rebuilds both texts', async () => {
    const { id, first } = await trackAndCheck('/hostile/rewrite', article('Long read', paragraphs(20_000, 4)));
    expect(first.changed).toBe(true);
    await publish('/hostile/rewrite', article('Long read', paragraphs(20_000, 5)));
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 2 });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>();
    const [old, now] = await Promise.all([1, 2].map(async (n) => (await (await api(`/articles/${id}/versions/${n}`)).json<{ text: string }>()).text));
    expect(
      diff.changes
        .filter((c) => c.op !== 'insert')
        .map((c) => c.text)
        .join(''),
    ).toBe(old);
    expect(
      diff.changes
        .filter((c) => c.op !== 'delete')
        .map((c) => c.text)
        .join(''),
    ).toBe(now);
  });
});
