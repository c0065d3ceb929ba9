/** Rendered diff cards in KV (see keys.ts: only the card of each published change is kept). */
import { cardKeys } from './keys';

const RETENTION_SECONDS = 90 * 24 * 3600;

export async function getStoredCard(kv: KVNamespace, design: string, id: string, to: number): Promise<Uint8Array | null> {
  const bytes = await kv.get(cardKeys.card(design, id, to), 'arrayBuffer');
  return bytes ? new Uint8Array(bytes) : null;
}

export async function putStoredCard(kv: KVNamespace, design: string, id: string, to: number, png: Uint8Array): Promise<void> {
  await kv.put(cardKeys.card(design, id, to), png, { expirationTtl: RETENTION_SECONDS });
}
