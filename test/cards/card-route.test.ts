/** The diff card: a 1200x630 PNG of the founding correction, drawn once and kept. */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, page, trackTwoVersions } from '../helpers';
import { CARD_DESIGN } from '../../src/cards';
import { trackFoundingStory } from '../feeds/story';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('diff card', () => {
  let id: string;

  beforeAll(async () => {
    ({ id } = await trackFoundingStory('/cards/2016/11/11/russia.html'));
  });

  it('is a 1200x630 PNG, drawn on the first request and then served from KV', async () => {
    const first = await page(`/articles/${id}/diff/1/2.png`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    // A card with text, not a blank page: a blank 1200x630 PNG compresses to about 2 KB.
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(first.headers.get('x-card-source')).toBe('drawn');

    // Kept after the answer (waitUntil): wait for the write.
    let kept: Uint8Array | null = null;
    for (let k = 0; k < 50 && !kept; k++) {
      const stored = await env.REDLINE.get(`card:${CARD_DESIGN}:${id}:000002`, 'arrayBuffer');
      kept = stored ? new Uint8Array(stored) : null;
      if (!kept) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(kept).toEqual(bytes);
    const again = await page(`/articles/${id}/diff/1/2.png`);
    expect(['kv', 'cache']).toContain(again.headers.get('x-card-source'));
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
  });

  it('the diff page names the card as og:image and twitter:image, absolute, with alt text', async () => {
    const text = await (await page(`/articles/${id}/diff/1/2`)).text();
    const card = `http://redline.test/articles/${id}/diff/1/2.png`;
    expect(text).toContain(`<meta property="og:image" content="${card}">`);
    expect(text).toContain(`<meta name="twitter:image" content="${card}">`);
    expect(text).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(text).toMatch(/<meta property="og:image:alt" content="Redline diff card: [^"]*deleted “Rybakov”[^"]*inserted “Ryabkov”/);
    expect(text).toContain(`href="/articles/${id}/diff/1/2.png"`);
  });

  it('answers 404 for a missing article or version and 400 for a bad version number', async () => {
    expect((await page(`/articles/${id}/diff/1/9.png`)).status).toBe(404);
    expect((await page(`/articles/0123456789abcdef/diff/1/2.png`)).status).toBe(404);
    expect((await page(`/articles/${id}/diff/2/1.png`)).status).toBe(400);
    expect((await page(`/articles/${id}/diff/0/2.png`)).status).toBe(400);
  });
});

/** An article page as a small outlet serves it: one h1, a byline, paragraphs. */
function articlePage(lang: string, headline: string, paragraphs: string[], dir = 'ltr'): string {
  return `<!DOCTYPE html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${headline}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>${headline}</h1>
<div class="article-body">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></article></main><footer>Footer</footer></body></html>`;
}

const ARABIC = [
  'أعلنت الحكومة يوم الخميس عن خطة بقيمة خمسة مليارات دولار لتحديث شبكة المياه في العاصمة، وقال وزير المالية إن المشروع سيستفيد منه ثلاثة ملايين شخص.',
  'وقال المتحدث باسم الوزارة إن العمل سيبدأ في شهر مارس المقبل في الأحياء الشرقية من المدينة.',
  'وانتقد نواب المعارضة الخطة، معتبرين أن الأموال يجب أن تذهب إلى التعليم والصحة.',
];

describe('diff card of an Arabic article', () => {
  it('is drawn when the changed sentence has an Arabic comma (the font shaper has lookups it cannot apply)', async () => {
    const after = [ARABIC[0].replace('الخميس', 'الأربعاء').replace('خمسة', 'ستة'), ...ARABIC.slice(1)];
    const headline = 'خطة حكومية لتحديث شبكة المياه';
    const id = await trackTwoVersions('/cards/ar/water.html', articlePage('ar', headline, ARABIC, 'rtl'), articlePage('ar', headline, after, 'rtl'));
    const diff = await (await api(`/articles/${id}/diff?from=1&to=2`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.map((change) => change.text).join('')).toContain('،');

    const card = await page(`/articles/${id}/diff/1/2.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await card.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(card.headers.get('x-card-source')).toBe('drawn');
  });
});

describe('a card kept by an earlier design', () => {
  it('is not served after the design changed (v1 drew Japanese kanji as boxes): the card is drawn again', async () => {
    const { id } = await trackFoundingStory('/cards/old-design/russia.html');
    const oldCard = new Uint8Array([...PNG_SIGNATURE, 1, 2, 3]);
    await env.REDLINE.put(`card:v1:${id}:000002`, oldCard);
    const card = await page(`/articles/${id}/diff/1/2.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get('x-card-source')).toBe('drawn');
    expect(new Uint8Array(await card.arrayBuffer())).not.toEqual(oldCard);
  });
});
