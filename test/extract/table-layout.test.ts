/**
 * A page laid out in a table, as old newspaper sites are: the story is the text of one cell, its
 * paragraphs split by <br>, beside a cell of "Also today" links and under a row of navigation.
 * A cell held no score of its own (its text gave its score to the row), so the whole table was
 * the body, menus and the other column included.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { STORY } from '../fixtures/story-beside-appeal';

const page = `<html><head><title>Libraries | Old Times</title></head><body><table width="100%">
<tr><td colspan=2><a href="/">Old Times</a> <a href="/archive">Archive</a></td></tr>
<tr><td valign=top width="70%">${STORY.join('<br><br>')}</td>
<td valign=top><b>Also today</b><br><a href=/c>Council delays vote</a><br>Members asked for more time.<br><a href=/s>Storm expected</a><br>Rain could fall.</td></tr>
<tr><td colspan=2>(c) Old Times</td></tr></table></body></html>`;

describe('a story in a table cell', () => {
  it('is read from its cell, without the navigation row or the column beside it', () => {
    expect(extractArticle(page).text).toBe(STORY.join('\n\n'));
  });
});
