/**
 * Conditional GET for feeds. Changes are append-only, so the list of a feed's changes (ids, seqs
 * and hashes, read from the index without a get) decides its content: the ETag is a hash of that
 * list, and a matching If-None-Match (or, without one, an If-Modified-Since at or after the newest
 * change) answers 304 before any change is loaded.
 */
import { sha256Hex } from '../../model/sha256';

export interface Validators {
  etag: string;
  lastModified: string | null;
}

/** Bump when the feeds' markup changes, so readers fetch the new form. */
const FEED_FORMAT = 'feeds-2';

export async function validatorsFor(parts: readonly string[], newest: string | null): Promise<Validators> {
  const hex = (await sha256Hex([FEED_FORMAT, ...parts].join('\n'))).slice(0, 24);
  return { etag: `W/"${hex}"`, lastModified: newest ? new Date(newest).toUTCString() : null };
}

const stripWeak = (tag: string) => tag.trim().replace(/^W\//, '');

export function isNotModified(request: Request, validators: Validators): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    return ifNoneMatch.split(',').some((tag) => stripWeak(tag) === stripWeak(validators.etag));
  }
  const ifModifiedSince = request.headers.get('if-modified-since');
  if (ifModifiedSince && validators.lastModified) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && Date.parse(validators.lastModified) <= since;
  }
  return false;
}

export function validatorHeaders(validators: Validators): Record<string, string> {
  // Cache-Control and Vary come from the origin the links were built from (src/web/public-origin.ts).
  const headers: Record<string, string> = { etag: validators.etag };
  if (validators.lastModified) headers['last-modified'] = validators.lastModified;
  return headers;
}
