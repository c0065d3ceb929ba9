/**
 * Extraction anomalies: a page served with status 200 whose text is empty, too short to be an
 * article, a cookie-consent wall or paywall (src/check/walls.ts), or sharply shorter than the
 * version before (a paywall, consent or error page the wall test did not recognise).
 * Such a check is recorded as an anomaly and stores no version; a shrink that lasts, on a page
 * that is still the story's, is the one exception (`isLastingShrink`, `isTheStoryCut`).
 */
import { comparisonForm } from '../extract';
import type { LastCheck } from '../store';
import type { Settings } from '../settings';
import { recognizeWall } from './walls';

/** Words as the diff counts them: in Chinese, Japanese or Thai, the words and not the clauses. */
export { countWords } from '../diff/tokens';
import { countWords } from '../diff/tokens';

/** `previousWords` is the word count of the latest version, or null for a first check. */
export function detectAnomaly(text: string, previousWords: number | null, settings: Pick<Settings, 'minArticleWords' | 'maxShrinkRatio'>): string | null {
  if (undecoded(text)) return "extraction anomaly: the page's characters could not be decoded: no charset declared, or the wrong one?";
  const words = countWords(text);
  // The extractor has already read the whole page for recall when the body it found was near-empty.
  if (words === 0) return 'extraction anomaly: no article text found, even reading every paragraph of the page (a script-rendered page or an empty one?)';
  if (words < settings.minArticleWords)
    return `extraction anomaly: only ${words} words of text found, even reading every paragraph of the page (an article has at least ${settings.minArticleWords})`;
  const wall = recognizeWall(text, words);
  if (wall === 'consent') return 'extraction anomaly: the page is a cookie-consent wall, not the article';
  if (wall === 'paywall') return 'extraction anomaly: the page is a paywall, not the article';
  if (previousWords && words < previousWords * (1 - settings.maxShrinkRatio)) {
    return `${SHRANK}${previousWords} to ${words} words`;
  }
  return null;
}

const SHRANK = 'extraction anomaly: text shrank from ';

/**
 * True when `anomaly`, a shrink, is the one the article's last check recorded too, and has
 * lasted `shrinkConfirmMinutes` since: the cut is the page, not a glitch (an error page or a teaser
 * served for a while), and the check stores it as a version. A retracted or gutted story would
 * otherwise never be recorded, the edit a press critic most needs to see. The same word counts
 * stand for the same text (the message names them); any other outcome in between starts the
 * wait again. Walls are never stored, however long they last.
 */
export function isLastingShrink(anomaly: string, lastCheck: LastCheck | null, now: Date, settings: Pick<Settings, 'shrinkConfirmMinutes'>): boolean {
  if (!anomaly.startsWith(SHRANK) || lastCheck?.outcome !== 'error' || lastCheck.error !== anomaly) return false;
  return now.getTime() - Date.parse(lastCheck.since) >= settings.shrinkConfirmMinutes * 60_000;
}

/**
 * Text whose bytes were read in the wrong charset: mostly U+FFFD, or (a Shift_JIS, GBK or EUC page
 * declaring no charset, read as windows-1252) mostly Latin-1 and windows-1252 signs and letters,
 * which no language writes: French or German text has a few in a hundred, Vietnamese under a fifth.
 */
function undecoded(text: string): boolean {
  let shown = 0;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0) continue;
    shown++;
    if (c === 0xfffd || (c >= 0x80 && c <= 0xff) || WINDOWS_1252_SIGNS.has(c)) odd++;
  }
  return odd >= UNDECODED_MIN && odd > shown * UNDECODED_SHARE;
}

const UNDECODED_MIN = 20;
const UNDECODED_SHARE = 0.4;
/** What windows-1252 reads bytes 0x80-0x9F as, outside Latin-1: € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. */
const WINDOWS_1252_SIGNS = new Set([
  0x20ac, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x17d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x17e, 0x178,
]);

/**
 * Whether a shrunk page can be the story itself, cut (a retraction, a story gutted), and not a
 * page standing in for it: its headline still names the story (kept, or "Retracted: …" before
 * it), which a maintenance or "page not found" page served with status 200 does not; and its
 * markup shows no paywall (a wall's class or id, or JSON-LD saying the article is not free), whose
 * "Subscribe to continue" block the extractor leaves out as furniture, so the text alone would
 * read as the story cut. Either way the shrink stays an anomaly, however long it lasts.
 */
export function isTheStoryCut(previousTitle: string, title: string, html: string): boolean {
  const before = comparisonForm(previousTitle);
  if (before === '' || !comparisonForm(title).includes(before)) return false;
  return !WALL_MARKUP.test(html) && !NOT_FREE.test(html);
}

/** Class or id names of paywall and registration-wall containers (Piano's among them). */
const WALL_MARKUP =
  /\b(?:class|id)\s*=\s*["'][^"']*\b(?:pay-?wall|reg-?wall|piano-|tp-modal|tp-container|subscriber-only|subscription-wall|premium-wall|metered-content)/i;
/** schema.org's mark of content behind a paywall. */
const NOT_FREE = /"isAccessibleForFree"\s*:\s*(?:false|"false")/i;
