/** Content hashes: what decides whether a check found a new version. */
import { comparisonForm } from '../extract/normalize';
import { sha256Hex } from '../model/sha256';

/**
 * The hash of a version: its headline, byline and body text in their comparison form (see
 * comparisonForm), nothing else, so a re-flow or an invisible character is the same hash. A version
 * stored under an older form of this hash is matched by its words instead (decide.ts).
 */
export function versionHash(title: string, text: string, byline: string | null = null): Promise<string> {
  return sha256Hex(`redline-v2\n${comparisonForm(title)}\n${comparisonForm(byline ?? '')}\n${comparisonForm(text)}`);
}

/**
 * The first form of the version hash (headline, a blank line, body text, as stored), which versions
 * stored before bylines were hashed still carry: an import accepts a version under either form.
 */
export function firstFormVersionHash(title: string, text: string): Promise<string> {
  return sha256Hex(`${title}\n\n${text}`);
}

/** Article ids are derived from the canonical URL, so one URL is one article. */
export async function articleIdFor(url: string): Promise<string> {
  return (await sha256Hex(url)).slice(0, 16);
}
