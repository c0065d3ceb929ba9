/** Reads an HTML file the way a check reads a fetched page: bytes, charset, the same extractor. */
import { readFileSync } from 'node:fs';
import { decodeHtml } from '../extract/charset';
import { extractArticle, type Article } from '../extract/index';

/**
 * `previous`: the version before, as a check knows it: its body block is kept while it holds the
 * story, and the blocks its text held stay in while they are on the page unchanged.
 */
export function readArticle(file: string, previous?: Article): Article {
  const html = decodeHtml(new Uint8Array(readFileSync(file)), null);
  return extractArticle(html, undefined, { previousBodyPath: previous?.bodyPath, previousText: previous?.text });
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
