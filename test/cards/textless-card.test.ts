/**
 * A card whose text the renderer cannot draw is still a card. The failure is a real one: satori as
 * published (its font parser unpatched, unlike the Worker's engine: scripts/build-card-engine.ts)
 * throws on Noto Sans Arabic's contextual lookups as soon as an Arabic comma is on the card.
 */
import { describe, expect, it } from 'vitest';
import satori, { init } from 'satori/standalone';
import yoga from 'satori/yoga.wasm';
import { cardContent } from '../../src/cards/card-content';
import { cardEngine } from '../../src/cards/engine';
import { renderCardOrTextless, renderCardPng, type CardEngine } from '../../src/cards/render-card';
import { diffVersions } from '../../src/diff';
import type { ArticleRecord } from '../../src/store';

const HEADLINE = 'خطة حكومية لتحديث شبكة المياه';
const BEFORE = 'أعلنت الحكومة يوم الخميس عن خطة في العاصمة، وقال وزير المالية إن المشروع كبير.';
const AFTER = 'أعلنت الحكومة يوم الأربعاء عن خطة في العاصمة، وقال وزير المالية إن المشروع كبير.';

function arabicCard() {
  const at = '2026-11-20T09:30:00.000Z';
  const diff = diffVersions({ title: HEADLINE, text: BEFORE }, { title: HEADLINE, text: AFTER });
  const article = {
    id: 'a',
    url: 'https://example.com/s',
    site: 'example.com',
    title: HEADLINE,
    versions: [
      { n: 1, fetchedAt: at, title: HEADLINE },
      { n: 2, fetchedAt: at, title: HEADLINE },
    ],
  } as ArticleRecord;
  return cardContent({ article, from: 1, to: 2, diff, kinds: ['correction'] });
}

/** The Worker's engine (fonts, resvg) with the layout done by satori as published. */
async function engineWithPublishedSatori(): Promise<CardEngine> {
  await init(yoga);
  const worker = await cardEngine();
  return { ...worker, toSvg: (tree, options) => satori(tree as never, options) };
}

describe('a card whose text cannot be drawn', () => {
  it('is drawn without its text, and says why', async () => {
    const engine = await engineWithPublishedSatori();
    const content = arabicCard();
    await expect(renderCardPng(content, engine)).rejects.toThrow(/lookupType: 5 - substFormat: 3 is not yet supported/);

    const { png, textless } = await renderCardOrTextless(content, engine);
    expect(textless).toMatch(/lookupType: 5/);
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    // The masthead, the notice and the counts are drawn: more than a blank picture (about 2 KB).
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('is the real card when the text can be drawn (the Worker engine skips the lookups it cannot apply)', async () => {
    const { png, textless } = await renderCardOrTextless(arabicCard(), await cardEngine());
    expect(textless).toBeNull();
    expect(png.length).toBeGreaterThan(20_000);
  });
});
