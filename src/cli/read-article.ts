/** Reads an HTML file the way a check reads a fetched page: bytes, charset, the same extractor. */
import { readFileSync } from 'node:fs';
import { decodeHtml } from '../extract/charset';
import { extractArticle, type Article } from '../extract/index';

export function readArticle(file: string): Article {
  return extractArticle(decodeHtml(new Uint8Array(readFileSync(file)), null));
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
