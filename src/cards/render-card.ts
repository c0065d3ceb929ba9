/**
 * Draws a card: the element tree (card-layout.ts) to SVG with satori, the SVG to PNG with resvg.
 * The engine is passed in so the Worker (engine.ts: wasm and fonts as lazily imported modules)
 * and the card benchmark under Node (scripts/bench-cards.ts) run this same code.
 */
import type { CardContent } from './card-content';
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
