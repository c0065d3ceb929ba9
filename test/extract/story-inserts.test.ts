/**
 * Teasers and native ads between a story's paragraphs are not the story (a tester's finding,
 * issue 11): "Read more: <a>…</a>" added between two paragraphs published an addition nobody
 * wrote, and so did a native ad under its "Advertisement" label. A paragraph that is a teaser
 * label followed by a link goes wherever it sits; a sentence that opens with the same words and
 * links a word or two stays. A small block whose first line is an ad label goes whole.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const STORY = [
  'The city council voted on Wednesday night to approve a harbour budget of 42 million dollars, after a debate that lasted more than six hours.',
  'Council member Dana Ortiz, who led the opposition, said the plan would raise ferry fares for commuters who can least afford it.',
  'Supporters argued that the harbour walls are crumbling and that repairs cannot wait another winter, the city engineer told the council.',
];

/** The story with `block` between its first and second paragraphs. */
const page = (block = '') => `<!doctype html><html><head><title>Harbour budget approved</title></head><body>
<article><h1>Harbour budget approved</h1><div class="story-body"><p>${STORY[0]}</p>${block}<p>${STORY[1]}</p><p>${STORY[2]}</p></div></article></body></html>`;
const textOf = (block: string) => extractArticle(page(block)).text;

describe('teasers between paragraphs', () => {
  it.each([
    '<p><strong>Read more:</strong> <a href="/z">Ferry operator warns of strike over Easter weekend</a></p>',
    '<p>Lesen Sie auch: <a href="/x">Neue Fähre für den Hafen</a></p>',
    '<p>Mehr zum Thema: <a href="/x">Neue Fähre für den Hafen</a></p>',
    '<p>Lire aussi : <a href="/x">Le port vote son budget</a></p>',
    '<p>Lea también: <a href="/x">El puerto aprueba su presupuesto</a></p>',
    '<p>Leggi anche: <a href="/x">Il porto approva il bilancio</a></p>',
    '<p><a href="/z">READ MORE: Ferry operator warns of strike over Easter weekend</a></p>',
    '<p>» <a href="/z">Ferry operator warns of strike over Easter weekend</a></p>',
    '<p>See also: <a href="/z">Harbour works of 1998</a></p>',
    // A second tester's: capitals, no colon, Chinese and Japanese labels.
    '<p>RELATED: <a href="/a">Mayor opens new bridge over the river</a></p>',
    '<p><strong>Read more</strong> <a href="/z">Ferry operator warns of strike over Easter weekend</a></p>',
    '<p>相关阅读：<a href="/c">市长为新桥剪彩</a></p>',
    '<p>関連記事：<a href="/j">市長、新しい橋を開通</a></p>',
  ])('%s adds nothing to the text', (block) => {
    expect(textOf(block)).toBe(STORY.join('\n\n'));
  });

  it.each([
    // The rest of the line is the editor's sentence, with a link on a few words.
    '<p>Read more: the council published <a href="/s">its statement</a> and the full budget on its website on Thursday.</p>',
    // A paragraph that mentions reading more, with a link inside the sentence.
    '<p>Residents can <a href="/m">read more about the plan</a> at the library, the council said.</p>',
    // No label: a linked sentence is the story's.
    '<p><a href="/z">Ferry operator warns of strike over Easter weekend</a></p>',
  ])('%s stays', (block) => {
    const text = textOf(block);
    expect(text).not.toBe(STORY.join('\n\n'));
    expect(text.split('\n\n')).toHaveLength(STORY.length + 1);
  });
});

describe('native ads', () => {
  it.each([
    '<div class="css-x1y2z3"><span>Advertisement</span><p>Holiday homes on the coast from 49 euros a night. Book now and save on your summer break.</p></div>',
    '<div class="c9"><div>Anzeige</div><p>Ferienhäuser an der Küste ab 49 Euro die Nacht. Jetzt buchen und sparen.</p></div>',
    '<div class="q"><p>广告</p><p>海边度假屋每晚49欧元起，立即预订，享受夏季优惠。</p></div>',
    '<div class="q"><p>إعلان</p><p>بيوت العطلات على الساحل ابتداء من 49 يورو لليلة. احجز الآن.</p></div>',
  ])('%s adds nothing to the text', (block) => {
    expect(textOf(block)).toBe(STORY.join('\n\n'));
  });

  it('a paragraph about an ad, or a section that only opens with an ad slot, stays', () => {
    const sentence = '<p>Advertisement spending by the harbour authority rose by a third, the auditor said in a report to the council.</p>';
    expect(textOf(sentence)).toContain('Advertisement spending by the harbour authority');
    const long = `<div class="c9"><span>Advertisement</span><p>${STORY[2]} ${STORY[1]}</p><p>${STORY[0]} ${STORY[2]}</p></div>`;
    expect(textOf(long)).toContain(`${STORY[2]} ${STORY[1]}`);
  });
});

describe('reader polls', () => {
  const poll = (yes: number, votes: string) =>
    `<div class="embed-widget"><p>Should the council raise ferry fares?</p><ul><li>Yes ${yes}%</li><li>No ${100 - yes}%</li></ul><p>${votes} votes</p></div>`;

  it('a poll between paragraphs adds nothing, however its counts move', () => {
    expect(textOf(poll(54, '1,203'))).toBe(STORY.join('\n\n'));
    expect(textOf(poll(51, '1,388'))).toBe(STORY.join('\n\n'));
  });

  it('results an editor reports stay: a list of shares without a count of votes, or a paragraph that gives one', () => {
    const results = '<ul><li>Labour 34%</li><li>Conservatives 25%</li></ul>';
    expect(textOf(results)).toContain('Labour 34%');
    const sentence = '<p>Of the residents who took part, 54% backed the plan and 46% opposed it, in all 1,203 votes.</p>';
    expect(textOf(sentence)).toContain('54% backed the plan');
  });
});
