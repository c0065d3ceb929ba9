/** Reads an HTML file the way a check reads a fetched page: bytes, charset, the same extractor. */
import { readFileSync } from 'node:fs';
import { decodeHtml } from '../extract/charset';
import { extractArticle, type Article } from '../extract/index';

/** `previous`: the article a check read the version before from, whose body block it keeps while it holds the story. */
export function readArticle(file: string, previous?: Article): Article {
  return extractArticle(decodeHtml(new Uint8Array(readFileSync(file)), null), undefined, { previousBodyPath: previous?.bodyPath });
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
