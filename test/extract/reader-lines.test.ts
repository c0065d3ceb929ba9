/**
 * Lines about the reader or the render, not the story (a tester's findings): a gift-article
 * allowance, a free-article meter counting down, "This page was generated at …", an audio player's
 * running time. Each published a version of a page nobody edited.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { SENATE_STORY as STORY, senateStoryWith } from '../fixtures/senate-story';

const textOf = (block: string) => extractArticle(senateStoryWith(block)).text;

describe('lines about the reader or the render', () => {
  it.each([
    ['a gift-article allowance', '<div class="gift"><button>Give this article</button> <span>You have 10 gift articles to give each month.</span></div>'],
    ['a free-article meter', '<div class="meter">You have 3 free articles left this month. <a href="/subscribe">Subscribe</a></div>'],
    ['the meter counted down', '<div class="meter">You have 2 free articles left this month. <a href="/subscribe">Subscribe</a></div>'],
    ['a meter in German', '<p>Sie haben noch 2 kostenlose Artikel in diesem Monat.</p>'],
    ['a meter in French', '<p>Il vous reste 3 articles gratuits ce mois-ci.</p>'],
    ['a meter in Spanish', '<p>Te quedan 4 artículos gratis este mes.</p>'],
    ['a render time', '<p class="small">This page was generated at 18:41:07 on March 12, 2025.</p>'],
    ['another render time', '<p>Page generated in 0.132 seconds.</p>'],
    ['an audio player', '<div class="audio-player"><button>Listen to this article</button> <span>5:32 min</span></div>'],
    ['an audio player in German', '<div class="audio"><span>Artikel anhören</span> <span>12:04 Min.</span></div>'],
    // A tester's findings (issue 11): each was published as an addition.
    ['an age banner', '<p>This article is more than 5 years old</p>'],
    ['an age banner in German', '<p>Dieser Artikel ist älter als 2 Jahre</p>'],
    ['an audio player without its time', '<p>Listen to this article</p>'],
    ['a video slot', '<p>Watch: Council debates the harbour budget (2:14)</p>'],
  ])('%s adds nothing to the text', (_name, block) => {
    expect(textOf(block)).toBe(STORY.join('\n\n'));
  });

  it.each([
    'You have 30 days to appeal, the agency said, and two articles of the law apply to the case.',
    'This page was the first of the report to be made public, in 2019.',
    'The winner finished the course in 5:32 min, a record for the event.',
    'This article is more than a summary: it is the record of what the senators said on the floor.',
    'Watch: the senators will vote again in June (2:14 p.m. is the time set for it), aides said.',
  ])('a sentence of the story stays: %s', (line) => {
    expect(textOf(`<p>${line}</p>`)).toBe([STORY[0], line, STORY[1], STORY[2]].join('\n\n'));
  });
});
