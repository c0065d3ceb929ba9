/**
 * A reader appeal ("A note to our readers … donate") is furniture, like a newsletter box: a
 * re-tester's page put one in a column beside the article, of about the story's length, and the
 * extractor read the appeal as the article (class "appeal-text" scored as text), so an edit to the
 * story was invisible. Inside the article, after the story, it went into the text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const STORY = [
  'The city council voted on Tuesday to approve a new transit plan that would add three bus lines and extend service hours on weekends.',
  'Supporters said the plan would help workers who commute late at night, while opponents worried about the cost of new drivers.',
  'The plan passed by a vote of six to three after a debate that lasted more than four hours and drew dozens of public speakers.',
  'Transit officials said the first new line could begin running in the spring if the state approves a matching grant in February.',
];
const APPEAL = [
  'Our newsroom depends on readers like you. Every gift, large or small, helps us keep covering the council, the schools and the courts.',
  'Donations are tax deductible, and members get our weekly newsletter, invitations to events, and the satisfaction of supporting local news.',
  'We have covered this city for ninety years, through floods, fires, elections and scandals, and we plan to keep doing it for ninety more.',
  'If you can, please give today. It takes less than a minute, and it makes a real difference to the reporters who work for you.',
];
const p = (texts: string[]) => texts.map((t) => `<p>${t}</p>`).join('');

describe('reader appeals', () => {
  it('a column beside the article is not read as the article', () => {
    const html = `<html><body><section class="main-col"><article><h1>Council approves transit plan</h1><div class="article-body">${p(STORY)}</div></article></section><section class="second-col"><div class="appeal-text"><h2>A note to our readers</h2>${p(APPEAL.slice(0, 3))}</div></section></body></html>`;
    expect(extractArticle(html).text).toBe(STORY.join('\n\n'));
  });

  it('an appeal inside the article, after the story, stays out of the text', () => {
    const html = `<html><body><article><h1>Council approves transit plan</h1>${p(STORY)}<div class="reader-appeal">${p(APPEAL.slice(0, 2))}</div></article></body></html>`;
    expect(extractArticle(html).text).toBe(STORY.join('\n\n'));
  });
});
