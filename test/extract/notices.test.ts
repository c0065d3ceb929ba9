/**
 * A correction or editor's note attached to a story is part of it, wherever the newsroom sets it: in
 * an <aside> or a <footer> inside the story it was dropped with the furniture those tags usually
 * hold, and every check of a page that gained one said "no change" (a tester's finding). Only the
 * notice comes back: a pull quote, a sidebar or a site footer stays out.
 */
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { classifyChange } from '../../src/diff/kind';
import { extractArticle } from '../../src/extract';

const STORY = [
  'WASHINGTON — The Senate voted 52 to 48 on Tuesday to approve a sweeping overhaul of the nation’s water infrastructure, sending the measure to the House.',
  'The bill, which would spend $42 billion over five years on pipes, treatment plants and lead abatement, drew support from three Republicans.',
  'The House is expected to take up the bill next month. Speaker Tom Harlan has said he supports its goals but wants changes to how the money is shared.',
];
const NOTICE = 'Correction: An earlier version of this article misstated the vote count. It was 52 to 48, not 53 to 47.';

/** The story, with `extra` at the end of its body, beside a sidebar and under a site footer. */
const page = (extra = '') => `<!doctype html><html lang="en"><head><title>Senate passes water bill - The Daily Test</title></head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<main><article class="story"><h1>Senate passes water bill</h1>
<section class="story-body">${STORY.map((p) => `<p>${p}</p>`).join('')}${extra}</section></article>
<aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Flint residents still wary of tap water</a></li><li><a href="/b">How lead pipes got into homes</a></li></ul></aside></main>
<footer><p><a href="/corrections">Corrections</a> | <a href="/contact">Contact</a></p><p>© 2025 The Daily Test. All rights reserved.</p></footer>
</body></html>`;

const textOf = (extra: string) => extractArticle(page(extra)).text;

describe('correction notices in an aside or a footer of the story', () => {
  it.each([
    ['an aside.correction', `<aside class="correction"><p>${NOTICE}</p></aside>`],
    ['an aside.editors-note', `<aside class="editors-note"><p>${NOTICE}</p></aside>`],
    ['an aside.note', `<aside class="note"><p>${NOTICE}</p></aside>`],
    ['a bare aside', `<aside>${NOTICE}</aside>`],
    ['a footer', `<footer><p>${NOTICE}</p></footer>`],
    ['a footer.article-footer', `<footer class="article-footer"><div><p>${NOTICE}</p></div></footer>`],
  ])('%s: the notice ends the text, and a check that finds it added publishes a correction', (_name, block) => {
    const before = extractArticle(page());
    const after = extractArticle(page(block));
    expect(after.text).toBe([...STORY, NOTICE].join('\n\n'));
    const diff = diffVersions(before, after);
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([{ op: 'insert', text: `\n\n${NOTICE}` }]);
    expect(classifyChange(diff)).toEqual(['correction']);
  });

  it.each([
    ['German', 'Korrektur: In einer früheren Version dieses Artikels hieß es, das Gesetz sei mit 53 zu 47 Stimmen verabschiedet worden.'],
    ['German, an editor’s note', 'Anmerkung der Redaktion: Wir haben den Namen des Senators korrigiert.'],
    ['French', 'Rectificatif : une version précédente de cet article indiquait un mauvais décompte des voix.'],
    ['Spanish', 'Fe de erratas: Una versión anterior de este artículo indicaba un recuento de votos incorrecto.'],
    ['Dutch', 'Correctie: In een eerdere versie van dit artikel stond een verkeerde uitslag van de stemming.'],
  ])('%s notice in an aside', (_name, notice) => {
    expect(textOf(`<aside class="note"><p>${notice}</p></aside>`)).toBe([...STORY, notice].join('\n\n'));
  });

  it('a notice under its label as a heading keeps both', () => {
    const text = textOf('<aside class="correction"><h4>Correction</h4><p>An earlier version of this article misstated the vote count.</p></aside>');
    expect(text).toBe([...STORY, 'Correction', 'An earlier version of this article misstated the vote count.'].join('\n\n'));
  });

  it('in an aside that holds more, only the notice comes back', () => {
    const text = textOf(
      `<aside><div class="pullquote"><p>“Families in Flint and Jackson have waited long enough,” said Senator Maria Delgado.</p></div><div><p>${NOTICE}</p></div></aside>`,
    );
    expect(text).toBe([...STORY, NOTICE].join('\n\n'));
  });

  it.each([
    [
      'a pull quote',
      '<aside class="pullquote"><p>“Families in Flint and Jackson have waited long enough,” said Senator Maria Delgado of New Mexico.</p></aside>',
    ],
    [
      'an update note (an update is no correction)',
      '<aside class="note"><p>Update: The House speaker said on Wednesday that he would bring the bill to a vote next week.</p></aside>',
    ],
    ['a lone "Corrections" link', '<footer><ul><li><a href="/corrections">Corrections</a></li><li><a href="/ethics">Ethics policy</a></li></ul></footer>'],
    ['a related-links aside that mentions a correction', `<aside class="related"><p>${NOTICE}</p></aside>`],
    ['a hidden notice', `<aside hidden><p>${NOTICE}</p></aside>`],
  ])('%s stays out', (_name, block) => {
    expect(textOf(block)).toBe(STORY.join('\n\n'));
  });
});
