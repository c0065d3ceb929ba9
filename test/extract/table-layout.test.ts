/**
 * A page laid out in a table, as old newspaper sites are: the story is the text of one cell, its
 * paragraphs split by <br>, beside a cell of "Also today" links and under a row of navigation.
 * A cell held no score of its own (its text gave its score to the row), so the whole table was
 * the body, menus and the other column included.
 */
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { extractArticle } from '../../src/extract';
import { STORY } from '../fixtures/story-beside-appeal';

const page = `<html><head><title>Libraries | Old Times</title></head><body><table width="100%">
<tr><td colspan=2><a href="/">Old Times</a> <a href="/archive">Archive</a></td></tr>
<tr><td valign=top width="70%">${STORY.join('<br><br>')}</td>
<td valign=top><b>Also today</b><br><a href=/c>Council delays vote</a><br>Members asked for more time.<br><a href=/s>Storm expected</a><br>Rain could fall.</td></tr>
<tr><td colspan=2>(c) Old Times</td></tr></table></body></html>`;

/** A longer story beside a column of headlines alone: the column is a few links, under 5% of the row's text. */
const LONG_STORY = [
  'The city council voted on Wednesday night to approve a harbour budget of 42 million dollars, after a debate that lasted more than six hours.',
  'Council member Dana Ortiz, who led the opposition, said the plan would raise ferry fares for commuters who can least afford it.',
  'Supporters argued that the harbour walls are crumbling and that repairs cannot wait another winter, the city engineer told the council.',
  'The budget includes 12 million dollars for the walls, 8 million for a new ferry terminal and 5 million for dredging the channel.',
  'Residents will be able to comment on the plan at three public meetings in April before the final vote in May, the council said.',
  'The ferry company said it would keep its winter timetable until the new terminal opens, which is expected in the spring of 2028.',
  'A petition against the fare rise has gathered more than two thousand signatures since it was launched at the market last week.',
];

const pageWithTeasers = (teaser: string) =>
  `<html><head><title>Harbour | Times</title></head><body><table><tr><td colspan=2><a href=/>Home</a> | <a href=/n>News</a> | <a href=/s>Sport</a></td></tr>
<tr><td width=150><b>Also today</b><br><a href=/1>${teaser}</a><br><a href=/2>School news</a><br><a href=/3>Weather</a></td>
<td><font size=5><b>Harbour budget approved</b></font><br>${LONG_STORY.join('<br><br>')}</td></tr></table></body></html>`;

describe('a story in a table cell', () => {
  it('is read from its cell, without the navigation row or the column beside it', () => {
    expect(extractArticle(page).text).toBe(STORY.join('\n\n'));
  });

  it('beside a column of headlines alone, is its own cell: the column of other headlines beside it is not text, and a teaser swapped there is no edit', () => {
    const before = extractArticle(pageWithTeasers('Storm warning'));
    expect(before.text).toBe(['Harbour budget approved', ...LONG_STORY].join('\n\n'));
    expect(diffVersions(before, extractArticle(pageWithTeasers('Lottery results'))).changed).toBe(false);
  });
});
