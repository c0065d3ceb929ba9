/**
 * The standfirst (dek) under the headline is part of the article a reader sees, and editors rewrite
 * it ("passed 7-2" -> "passed 5-4"): a tester found such edits invisible, because the standfirst
 * sits in the article's header, which extraction leaves out, or carried a class dropped as furniture.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const STORY = [
  'The city council voted on Thursday to approve a new budget of 4.2 billion dollars after weeks of heated debate among members.',
  'Mayor Alice Brown said the budget would fund new schools, repair roads and hire more police officers over the next two years.',
  'Critics argued that the plan relied too heavily on optimistic revenue forecasts. They said the city could face a deficit by 2028.',
];
const DEK = 'The measure passed 7-2 after a long night of debate over schools and roads.';
const body = STORY.map((p) => `<p>${p}</p>`).join('');

const inHeader = (dek: string, name: string) =>
  `<html><head><title>Budget passes - Bugle</title></head><body><main><article><header><h1>Budget passes</h1><p class="${name}">${dek}</p><p class="byline">By Jane Doe</p></header><div class="article-body">${body}</div></article></main></body></html>`;
const beforeBody = (dek: string) =>
  `<html><body><article><h1>Budget passes</h1><p class="c-standfirst">${dek}</p><div class="article-body">${body}</div></article></body></html>`;
const inBody = (dek: string) =>
  `<html><body><article><div class="article-body"><h1>Budget passes</h1><p class="dek">${dek}</p>${body}</div></article></body></html>`;

describe('the standfirst', () => {
  it.each(['standfirst', 'dek', 'article-dek', 'story__summary', 'chapo', 'lead', 'article__lead', 'description'])(
    'in the header, named %s: opens the text, and an edit to it is an edit',
    (name) => {
      const text = extractArticle(inHeader(DEK, name)).text;
      expect(text).toBe([DEK, ...STORY].join('\n\n'));
      expect(extractArticle(inHeader(DEK.replace('7-2', '5-4'), name)).text).not.toBe(text);
    },
  );

  it.each([
    ['Chinese', '港口修复工程将于明年春季开始，预计耗资四千二百万元，反对者担心票价上涨。'],
    ['Japanese', '港の防波堤の修理は来年の春に始まり、費用は四千二百万ドルの見込みだ。'],
    ['Thai', 'สภาเมืองอนุมัติงบประมาณซ่อมเขื่อนกันคลื่นด้านเหนือของท่าเรือในฤดูใบไม้ผลิปีหน้า'],
  ])('in %s, written without spaces, counts its words, not one', (_language, dek) => {
    expect(extractArticle(inHeader(dek, 'dek')).text).toBe([dek, ...STORY].join('\n\n'));
  });

  it('between the headline and the body, or inside the body', () => {
    expect(extractArticle(beforeBody(DEK)).text).toBe([DEK, ...STORY].join('\n\n'));
    expect(extractArticle(inBody(DEK)).text).toBe([DEK, ...STORY].join('\n\n'));
  });

  it('an author bio, a menu, a container of a headline and links, or a ticker is no standfirst', () => {
    const bio = `<html><body><article><header><h1>Budget passes</h1><div class="author-bio"><p class="intro">Jane Doe covers city hall and has written about budgets for ten years.</p></div></header><div class="article-body">${body}</div></article></body></html>`;
    expect(extractArticle(bio).text).toBe(STORY.join('\n\n'));
    const ticker = `<html><body><article><header><h1>Budget passes</h1><p class="summary">S&amp;P 500 2,111.72 -14.43 (-0.68%) Dow 18,037.10 -105.32 (-0.58%)</p></header><div class="article-body">${body}</div></article></body></html>`;
    expect(extractArticle(ticker).text).toBe(STORY.join('\n\n'));
    const lead = `<html><body><article><header><div class="article-lede"><a href="/culture">Culture</a><h2>Budget passes after a long night in the council chamber</h2></div></header><div class="article-body">${body}</div></article></body></html>`;
    expect(extractArticle(lead).text).toBe(STORY.join('\n\n'));
  });
});

describe('an "Updated <date>" line at the top of the text', () => {
  const page = (line: string) => `<html><body><article><h1>Impressum</h1><p>${line}</p>${body}</article></body></html>`;
  it('stays when it names a date, so a new date is an edit', () => {
    expect(extractArticle(page('Last updated: March 12, 2025')).text).toBe(['Last updated: March 12, 2025', ...STORY].join('\n\n'));
    expect(extractArticle(page('Updated: 12. März 2025')).text.split('\n\n')[0]).toBe('Updated: 12. März 2025');
  });
  it('goes when it is relative, or says when the story was published', () => {
    expect(extractArticle(page('Updated 5 minutes ago')).text).toBe(STORY.join('\n\n'));
    expect(extractArticle(page('Published March 12, 2025')).text).toBe(STORY.join('\n\n'));
  });
});
