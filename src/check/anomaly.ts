/**
 * Extraction anomalies: a page served with status 200 whose text is empty, too short to be an
 * article, or sharply shorter than the version before (a paywall, consent or error page).
 * Such a check is recorded as an anomaly and stores no version.
 */
import type { Settings } from '../settings';

/** Words as the diff counts them: in Chinese, Japanese or Thai, the words and not the clauses. */
export { countWords } from '../diff/tokens';
import { countWords } from '../diff/tokens';

/** `previousWords` is the word count of the latest version, or null for a first check. */
export function detectAnomaly(text: string, previousWords: number | null, settings: Pick<Settings, 'minArticleWords' | 'maxShrinkRatio'>): string | null {
  const words = countWords(text);
  // The extractor has already read the whole page for recall when the body it found was near-empty.
  if (words === 0) return 'extraction anomaly: no article text found, even reading every paragraph of the page (a script-rendered page or an empty one?)';
  if (words < settings.minArticleWords)
    return `extraction anomaly: only ${words} words of text found, even reading every paragraph of the page (an article has at least ${settings.minArticleWords})`;
  if (previousWords && words < previousWords * (1 - settings.maxShrinkRatio)) {
    return `extraction anomaly: text shrank from ${previousWords} to ${words} words`;
  }
  return null;
}
