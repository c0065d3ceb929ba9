/**
 * A stored URL that is not http(s) is never a link, on pages or in feeds, whatever got it into
 * storage: here it is written straight into KV over a tracked article and its change, and the
 * read index is rebuilt from KV (as after an import or a repair).
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { getArticle, getChange, getVersion, putArticle, putChange, putVersion } from '../../src/store';
import { readIndex } from '../../src/store/read-index';
import { trackFoundingStory } from '../feeds/story';
import { page } from '../helpers';

const HOSTILE = [
  'javascript:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  ' JavaScript:alert(1)',
];

describe.each(HOSTILE)('a stored URL %j', (hostile) => {
  let id: string;

  beforeAll(async () => {
    ({ id } = await trackFoundingStory(`/unsafe-links/${encodeURIComponent(hostile)}/2016/russia.html`));
    const article = (await getArticle(env.REDLINE, id))!;
    const archive = { status: 'success' as const, requestedAt: article.versions[1].fetchedAt, url: hostile, jobId: null, error: null };
    await putArticle(env.REDLINE, { ...article, url: hostile, finalUrl: hostile, versions: article.versions.map((v) => ({ ...v, archive })) });
    for (const n of [1, 2]) await putVersion(env.REDLINE, id, { ...(await getVersion(env.REDLINE, id, n))!, url: hostile });
    const change = (await getChange(env.REDLINE, id, '000002'))!;
    await putChange(env.REDLINE, { ...change, url: hostile });
    await readIndex(env).rebuild();
  });

  it('is shown as text, never as a link, on the history, diff and version pages', async () => {
    for (const path of [`/articles/${id}`, `/articles/${id}/diff/1/2`, `/articles/${id}/versions/1`, `/articles/${id}/versions/2`]) {
      const response = await page(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).not.toMatch(/href="\s*(javascript|data|file|vbscript):/i);
      expect(body, path).not.toMatch(/href="[^"]*(alert|passwd|msgbox)/i);
    }
    expect(await (await page(`/articles/${id}`)).text()).toContain('<span class="url">');
  });

  it('is left out of Atom, JSON Feed and RSS', async () => {
    for (const path of ['/feed.atom', '/feed.json', '/feed.xml', `/articles/${id}/feed.atom`, `/articles/${id}/feed.json`, `/articles/${id}/feed.xml`]) {
      const response = await page(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).toContain(`/articles/${id}/diff/1/2`); // the change is in the feed
      expect(body, path).not.toMatch(/(href="|external_url":"|<link>)\s*(javascript|data|file|vbscript):/i);
    }
    const json = await (await page(`/articles/${id}/feed.json`)).json<{ items: { external_url?: string }[] }>();
    expect(json.items.map((item) => item.external_url)).toEqual([undefined]);
  });
});
