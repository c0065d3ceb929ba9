/**
 * An ad slot labelled in another language than English ("Anzeige", "Publicité", "Publicidad")
 * published a version of a page nobody edited (a tester's finding): the label is furniture in the
 * languages of the news, as "Advertisement" is.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { SENATE_STORY as STORY, senateStoryWith } from '../fixtures/senate-story';

const textOf = (block: string) => extractArticle(senateStoryWith(block)).text;

describe('ad labels in the languages of the news', () => {
  it.each([
    '<div><span>Anzeige</span></div>',
    '<div class="pub"><span>Publicité</span></div>',
    '<div><span>Publicite</span></div>',
    '<div><p>Publicidad</p></div>',
    '<div><p>Werbung</p></div>',
    '<div><p>Pubblicità</p></div>',
    '<div><p>Publicidade</p></div>',
    '<div><p>Advertentie</p></div>',
    '<div><p>Reclame</p></div>',
    '<div><p>Gesponsert</p></div>',
    '<div><p>Weiterlesen nach der Anzeige</p></div>',
    '<div><p>La suite après cette publicité</p></div>',
    '<div><p>Advertisement</p><p><a href="#after">Skip advertisement</a></p></div>',
  ])('a slot %s adds nothing to the text', (block) => {
    expect(textOf(block)).toBe(STORY.join('\n\n'));
  });

  it('a sentence that names an ad is text', () => {
    const line = 'Die Anzeige erschien am Montag in drei Zeitungen, sagte ein Sprecher der Partei.';
    expect(textOf(`<p>${line}</p>`)).toBe([STORY[0], line, STORY[1], STORY[2]].join('\n\n'));
  });
});
