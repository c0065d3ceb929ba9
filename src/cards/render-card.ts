/**
 * Draws a card: the element tree (card-layout.ts) to SVG with satori, the SVG to PNG with resvg.
 * The engine is passed in so the Worker (engine.ts: wasm and fonts as lazily imported modules)
 * and the card benchmark under Node (scripts/bench-cards.ts) run this same code.
 */
import { textlessContent, type CardContent } from './card-content';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardNode } from './card-layout';
import type { CardFont } from './fonts';

export interface CardEngine {
  toSvg: (tree: CardNode, options: { width: number; height: number; fonts: CardFont[] }) => Promise<string>;
  toPng: (svg: string) => Uint8Array;
  fontsFor: (text: string) => Promise<CardFont[]>;
}

/** Every character the card draws, so the fonts for its scripts are loaded. */
export function cardText(content: CardContent): string {
  return [content.outlet, content.headline, content.headlineChange?.old, content.headlineChange?.new, ...content.snippets.flat().map((run) => run.text)].join(
    ' ',
  );
}

export async function renderCardPng(content: CardContent, engine: CardEngine): Promise<Uint8Array> {
  const fonts = await engine.fontsFor(cardText(content));
  const svg = await engine.toSvg(cardTree(content), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  return engine.toPng(svg);
}

/**
 * The card, or, when drawing it throws (a font or shaping failure on some text: satori's font
 * parser has thrown on lookups it did not know), the textless card, drawn with the Latin fonts
 * only, and the reason. A share preview then still has a picture; the caller logs the reason and
 * keeps no copy, so a fixed renderer draws the real card next time.
 */
export async function renderCardOrTextless(content: CardContent, engine: CardEngine): Promise<{ png: Uint8Array; textless: string | null }> {
  try {
    return { png: await renderCardPng(content, engine), textless: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { png: await renderCardPng(textlessContent(content), engine), textless: reason };
  }
}
