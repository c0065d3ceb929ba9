/**
 * Diff cards: a PNG picture of one change (card-content.ts says what it shows, card-layout.ts how
 * it looks, render-card.ts draws it with the lazily loaded engine.ts). `cardOfChange` is the one
 * way to get a card: the stored PNG of a published change when there is one, else drawn and
 * (for consecutive versions) kept in KV. The page route adds the Cache API in front.
 */
import type { Diff } from '../model/diff';
import { getStoredCard, putStoredCard, type ArticleRecord, type ChangeKind } from '../store';
import { cardAltText, cardContent, type CardContent } from './card-content';
import { cardEngine } from './engine';
import { renderCardOrTextless } from './render-card';

export { cardAltText, cardContent, type CardContent } from './card-content';
export { CARD_HEIGHT, CARD_WIDTH } from './card-layout';

/**
 * Bumped when the card's look changes, so stored cards of the old look are not served.
 * v2: Japanese text in Noto Sans JP (v1 cards drew common kanji as empty boxes).
 */
export const CARD_DESIGN = 'v2';

export interface DrawnCard {
  png: Uint8Array;
  /** Where the PNG came from: KV, or drawn now. */
  source: 'stored' | 'drawn';
}

/** The stored card of the change that made version `to` from `to - 1`, if one was kept. */
export function storedCard(kv: KVNamespace, id: string, from: number, to: number): Promise<Uint8Array | null> {
  return to === from + 1 ? getStoredCard(kv, CARD_DESIGN, id, to) : Promise.resolve(null);
}

export interface CardRequest {
  article: ArticleRecord;
  from: number;
  to: number;
  diff: Diff;
  kinds: ChangeKind[];
}

/**
 * Draws the card; keeps it in KV when it is the card of a published change (from + 1 = to).
 * When the text cannot be drawn the textless card comes back (`textless` says why, logged) and is
 * not kept.
 */
export async function drawCard(
  kv: KVNamespace,
  request: CardRequest,
): Promise<{ png: Uint8Array; content: CardContent; textless: string | null; keep: Promise<void> }> {
  const content = cardContent(request);
  const { png, textless } = await renderCardOrTextless(content, await cardEngine());
  if (textless) console.error(`card ${request.article.id} ${request.from}-${request.to}: drawn without its text, the renderer failed: ${textless}`);
  const keep = request.to === request.from + 1 && !textless ? putStoredCard(kv, CARD_DESIGN, request.article.id, request.to, png) : Promise.resolve();
  return { png, content, textless, keep };
}

/** A card and its alt text, stored or drawn: what posting needs. */
export async function cardOfChange(kv: KVNamespace, request: CardRequest): Promise<DrawnCard & { alt: string }> {
  const alt = cardAltText(cardContent(request));
  const stored = await storedCard(kv, request.article.id, request.from, request.to);
  if (stored) return { png: stored, source: 'stored', alt };
  const drawn = await drawCard(kv, request);
  await drawn.keep;
  return { png: drawn.png, source: 'drawn', alt };
}
