/**
 * Byte-true limits and one truth: a headline and URL that pass KV's 1,024-byte metadata cap in
 * UTF-8 (not in characters), a text as long as the page cap allows, and a KV write that fails
 * after the article's Durable Object committed, repaired by the next check.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, page, post, publish } from '../helpers';

type Record = { versions: { n: number; title: string }[]; title: string | null };
const check = async (id: string) => post(`/articles/${id}/check`, '');
const record = async (id: string) => (await api(`/articles/${id}`)).json<Record>();

function storyPage(headline: string, paragraphs: string[]) {
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${headline}</title></head>
<body><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

const english = (i: number) =>
  `Paragraph ${i}: the harbour authority said on Monday that the new ferry terminal would open in the spring, after two years of delays caused by rising costs and a dispute over the design of the pier.`;

describe('byte-true metadata', () => {
  it('a 210-character CJK headline on a 2,000-character URL stores its versions and shows them', async () => {
    const origin = (await publish('/limits/probe', 'x')).replace('/limits/probe', '');
    const path = `/limits/${'a'.repeat(2000 - origin.length - '/limits/'.length)}`;
    const headline = '港口管理局宣布新渡轮码头将于春季启用'.repeat(12).slice(0, 210);
    expect(headline.length).toBe(210);
    const url = await publish(path, storyPage(headline, [1, 2, 3].map(english)));
    expect(url.length).toBe(2000);
    const tracked = await post('/articles', { url });
    expect(tracked.status).toBe(201);
    const { id } = await tracked.json<{ id: string }>();

    expect((await check(id)).status).toBe(200);
    expect((await record(id)).versions.map((v) => v.title)).toEqual([headline]);
    await publish(path, storyPage(headline, [1, 2, 4].map(english)));
    expect(await (await check(id)).json()).toMatchObject({ changed: true, version: 2 });

    expect((await record(id)).versions).toHaveLength(2);
    const listed = await (await api('/articles?limit=1000')).json<{ articles: { id: string; title: string }[] }>();
    const listing = listed.articles.find((a) => a.id === id)!;
    expect(headline.startsWith(listing.title)).toBe(true);
    const { changes } = await (await api('/changes?limit=1000')).json<{ changes: { id: string; to: number }[] }>();
    expect(changes.filter((c) => c.id === id).map((c) => c.to)).toEqual([2]);
    expect(await (await page(`/articles/${id}`)).text()).toContain(headline);
    expect(await (await page('/feed.xml')).text()).toContain(`/articles/${id}/diff/1/2`);
  });
});

describe('long texts', () => {
  it('a 4.5 MB text under the 5 MB page cap stores, and an edit to it makes version 2 with its diff', async () => {
    const paragraphs = Array.from({ length: Math.ceil(4_500_000 / (english(0).length + 2)) }, (_, i) => english(i));
    const html = storyPage('Ferry terminal opens', paragraphs);
    expect(paragraphs.join('\n\n').length).toBeGreaterThan(4_500_000);
    expect(new TextEncoder().encode(html).length).toBeLessThan(5 * 1024 * 1024);
    const url = await publish('/limits/long', html);
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    expect(await (await check(id)).json()).toMatchObject({ changed: true, version: 1, error: null });

    const edited = [...paragraphs];
    edited[1000] = edited[1000].replace('harbour', 'harbor');
    await publish('/limits/long', storyPage('Ferry terminal opens', edited));
    expect(await (await check(id)).json()).toMatchObject({ changed: true, version: 2, error: null });

    const v2 = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(v2.text.length).toBeGreaterThan(4_500_000);
    expect(v2.text).toContain('Paragraph 1000: the harbor authority');
    const diff = await (await api(`/articles/${id}/diff`)).json<{ stats: { added: number; removed: number } }>();
    expect(diff.stats).toEqual({ added: 1, removed: 1 });
    const feed = await (await page(`/articles/${id}/feed.xml`)).text();
    expect(feed).toContain('&lt;del&gt;harbour&lt;/del&gt; &lt;ins&gt;harbor&lt;/ins&gt;');
  }, 120_000);
});

describe('one truth', () => {
  it('a KV write that fails after the Durable Object committed is repaired by the next check', async () => {
    const path = '/limits/repair';
    const url = await publish(path, storyPage('Ferry terminal opens', [1, 2, 3].map(english)));
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await check(id);
    await publish(path, storyPage('Ferry terminal opens', [1, 2, 5].map(english)));

    // KV refuses the article record once: the write that publishes the commit.
    const kv = Object.getPrototypeOf(env.REDLINE) as { put: (...args: unknown[]) => Promise<void> };
    const put = kv.put;
    let refused = 0;
    kv.put = function (this: unknown, ...args: unknown[]) {
      if (args[0] === `article:${id}` && refused === 0) {
        refused++;
        return Promise.reject(new Error('KV put() limit exceeded for the day.'));
      }
      return put.apply(this, args);
    };
    try {
      const failed = await check(id);
      expect(failed.status).not.toBe(200);
    } finally {
      kv.put = put;
    }
    expect(refused).toBe(1);
    expect((await record(id)).versions).toHaveLength(1);

    // The next check finds the same page: nothing new, and what KV lacked is published.
    expect(await (await check(id)).json()).toMatchObject({ changed: false, error: null });
    expect((await record(id)).versions.map((v) => v.n)).toEqual([1, 2]);
    const { changes } = await (await api('/changes?limit=1000')).json<{ changes: { id: string; to: number }[] }>();
    expect(changes.filter((c) => c.id === id).map((c) => c.to)).toEqual([2]);
    expect(await (await page(`/articles/${id}`)).text()).toContain(`/articles/${id}/diff/1/2`);
    expect(await (await page('/feed.xml')).text()).toContain(`/articles/${id}/diff/1/2`);
  });
});
