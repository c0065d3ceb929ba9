/** When a shrink anomaly has lasted long enough to be the page (src/check/anomaly.ts `isLastingShrink`). */
import { describe, expect, it } from 'vitest';
import { detectAnomaly, isLastingShrink, isTheStoryCut } from '../../src/check/anomaly';
import type { LastCheck } from '../../src/store';

const settings = { minArticleWords: 25, maxShrinkRatio: 0.6, shrinkConfirmMinutes: 60 };
const words = (n: number) => Array.from({ length: n }, (_, k) => `word${k}`).join(' ');
const shrink = detectAnomaly(words(40), 300, settings) as string;
const since = '2026-11-26T10:00:00.000Z';
const failed = (error: string): LastCheck => ({ outcome: 'error', error, errorKind: 'anomaly', status: null, retryAt: null, since, at: since });
const at = (minutes: number) => new Date(Date.parse(since) + minutes * 60_000);

describe('a lasting shrink', () => {
  it('is the same shrink as the last check recorded, an hour or more after it was first seen', () => {
    expect(shrink).toBe('extraction anomaly: text shrank from 300 to 40 words');
    expect(isLastingShrink(shrink, failed(shrink), at(59), settings)).toBe(false);
    expect(isLastingShrink(shrink, failed(shrink), at(60), settings)).toBe(true);
  });

  it('is not another shrink, a first sighting, or a wall', () => {
    expect(isLastingShrink(shrink, failed('extraction anomaly: text shrank from 300 to 41 words'), at(600), settings)).toBe(false);
    expect(isLastingShrink(shrink, null, at(600), settings)).toBe(false);
    expect(isLastingShrink(shrink, { ...failed(shrink), outcome: 'unchanged', error: null }, at(600), settings)).toBe(false);
    const wall = 'extraction anomaly: the page is a paywall, not the article';
    expect(isLastingShrink(wall, failed(wall), at(6000), settings)).toBe(false);
  });

  it('waits as long as SHRINK_CONFIRM_MINUTES says', () => {
    expect(isLastingShrink(shrink, failed(shrink), at(60), { shrinkConfirmMinutes: 180 })).toBe(false);
    expect(isLastingShrink(shrink, failed(shrink), at(180), { shrinkConfirmMinutes: 180 })).toBe(true);
  });
});

describe('a shrunk page that can be the story cut', () => {
  const page = (body: string) => `<html><body><article>${body}</article></body></html>`;
  it('still names the story in its headline, kept or marked retracted', () => {
    expect(isTheStoryCut('Council expands bus network', 'Council expands bus network', page('<p>Editor’s note: retracted.</p>'))).toBe(true);
    expect(isTheStoryCut('Council expands bus network', 'Retracted: Council expands bus network', page('<p>Retracted.</p>'))).toBe(true);
  });

  it('is not a maintenance or error page with a headline of its own', () => {
    expect(isTheStoryCut('Council expands bus network', 'We’ll be right back', page('<p>Down for maintenance.</p>'))).toBe(false);
    expect(isTheStoryCut('', 'Page not found', page('<p>Not found.</p>'))).toBe(false);
  });

  it('is not a page whose markup shows a paywall', () => {
    const title = 'Council expands bus network';
    expect(isTheStoryCut(title, title, page('<p>Two paragraphs.</p><div class="article-paywall"><h2>Subscribe to continue reading</h2></div>'))).toBe(false);
    expect(isTheStoryCut(title, title, page('<p>Two paragraphs.</p><div id="regwall">Register</div>'))).toBe(false);
    expect(
      isTheStoryCut(title, title, `<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree": "False"}</script>${page('<p>Two.</p>')}`),
    ).toBe(false);
  });
});
