/// <reference types="vite/client" />
/**
 * Stable choice: drop one paragraph of a page, chosen with a seeded generator, and the extracted
 * text differs by exactly that paragraph: the extractor must not pick another block, trim another
 * edge or lose a neighbour because one paragraph went. Real pages (test/fixtures/stability);
 * `npm run eval:stability` runs it over the whole shared corpora.
 */
import { describe, expect, it } from 'vitest';
import { dropOneParagraph, seeded } from '../../scripts/lib/drop-paragraph';
import { extractArticle } from '../../src/extract';

const pages = import.meta.glob<string>('../fixtures/stability/*/source.html', { query: '?raw', import: 'default', eager: true });
const SEEDS = [1, 2, 3];

describe('dropping one paragraph changes the text by exactly that paragraph', () => {
  const names = Object.keys(pages).sort();

  it('has the pages to test', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  for (const path of names) {
    const name = path.split('/').at(-2);
    it(`${name}, seeds ${SEEDS.join(', ')}`, () => {
      for (const seed of SEEDS) {
        const result = dropOneParagraph(pages[path], undefined, seeded(seed));
        expect(result.dropped, `${name}: no paragraph to drop`).not.toBeNull();
        expect(result.extra, `${name} seed ${seed}: dropped "${result.dropped?.slice(0, 50)}"`).toEqual([]);
      }
    });
  }
});

describe('a repeated block keeps its label and links when its paragraph goes', () => {
  const apps = [
    ['Harbor Notes', 'Notes that link to each other, kept on your own disk and synced between your devices without an account.'],
    ['Tide Tasks', 'Projects, tasks and time tracking in one place, with boards, lists and calendars for teams of any size.'],
    ['Quay Docs', 'Documents, wikis and databases that a team edits together, with comments, history and fine-grained sharing.'],
  ];
  const card = ([name, blurb]: string[], withBlurb: boolean) =>
    `<div class="app-card"><h2><a href="/apps/${name}">${name}</a></h2>${withBlurb ? `<p>${blurb}</p>` : ''}<a href="/alternatives/${name}">12 ${name} alternatives</a></div>`;
  const page = (cut: number) => `<html><body><main><h1>Note-taking apps</h1>${apps.map((app, k) => card(app, k !== cut)).join('')}</main></body></html>`;

  it('a card without its description is still one of the cards', () => {
    const whole = extractArticle(page(-1)).text.split('\n\n');
    const cut = extractArticle(page(1)).text.split('\n\n');
    expect(whole).toContain('12 Tide Tasks alternatives');
    expect(cut).toEqual(whole.filter((line) => line !== apps[1][1]));
  });
});

describe('blocks of one kind are told by their classes, in a pair as in a row', () => {
  const columns = [
    ['Rank 1: Harbor Notes', 'The course that teaches a language by letting you talk to a patient tutor every day, at your own pace.'],
    ['Rank 2: Tide Talk', 'Still an insider tip: lessons built around the conversations you would really have on a trip abroad.'],
    ['Rank 3: Quay Lingo', 'Short daily lessons with reviews spaced so that the words stay, and a teacher who answers in writing.'],
  ];
  const column = ([name, blurb]: string[], k: number, withBlurb: boolean, ids: boolean) =>
    `<div${ids ? ` id="column-${k}a9f${k}"` : ''} class="wp-block-column"><h3>${name}</h3>${withBlurb ? `<p>${blurb}</p>` : ''}<div class="wp-block-buttons"><a href="/go/${k}">Try ${name.slice(8)}</a></div><p>(<a href="/review/${k}">To the review</a>)</p></div>`;
  const intro =
    '<p>We tried every course for a month, an hour a day, and ranked them by how much we could say at the end of it, not by their price or their reviews.</p>';
  const page = (count: number, cut: number, ids: boolean) =>
    `<html><body><main><article><h1>The best language courses</h1>${intro}<div class="wp-block-columns">${columns
      .slice(0, count)
      .map((c, k) => column(c, k, k !== cut, ids))
      .join('')}</div>${intro.replace('We tried', 'Then we tried')}</article></main></body></html>`;

  for (const [count, ids, what] of [
    [3, true, 'three columns that each have an id'],
    [2, false, 'two columns side by side'],
  ] as const) {
    it(`a column without its paragraph is still one of ${what}`, () => {
      const whole = extractArticle(page(count, -1, ids)).text.split('\n\n');
      const cut = extractArticle(page(count, 1, ids)).text.split('\n\n');
      expect(whole).toContain('Rank 2: Tide Talk');
      expect(cut).toEqual(whole.filter((line) => line !== columns[1][1]));
    });
  }

  it('a list of links stays out beside a list of its class that reads as prose', () => {
    const prose = ['Check the router first: most cameras fail because of it.', 'Change the default password before anything else.'];
    const html = `<html><body><main><article><h1>Cameras</h1>${intro}<ul class="wp-block-list">${prose.map((p) => `<li>${p} More on this in our <a href="/g">guide</a>.</li>`).join('')}</ul>${intro.replace('We tried', 'Then we tried')}<h2>Related content</h2><ul class="wp-block-list"><li><a href="/a">Best video doorbells</a></li><li><a href="/b">Best smart locks</a></li></ul></article></main></body></html>`;
    const text = extractArticle(html).text;
    expect(text).toContain('Change the default password');
    expect(text).not.toContain('Best smart locks');
  });
});

describe('cards of one kind that differ in their modifier classes', () => {
  const funds = [
    ['Index funds', 'Low costs, built-in diversification and potentially lower taxes, the funds that made us known.', 'aem-grid--md--6'],
    ['Bond funds', 'Offset some of the risk of investing in stocks and provide the potential for a steady income.', 'aem-grid--md--12 teaser--primary'],
    [
      'Balanced funds',
      'Combine the benefits of investing in both stocks and bonds in a single fund that rebalances itself.',
      'aem-grid--sm--12 aem-grid--md--newline',
    ],
  ];
  const card = ([name, blurb, modifiers]: string[], withBlurb: boolean) =>
    `<div class="teaser left-icon-card ${modifiers}"><h3>${name}</h3>${withBlurb ? `<p>${blurb}</p>` : ''}<div class="teaser-action"><a href="/funds/${name.length}">Browse ${name.toLowerCase()}</a></div></div>`;
  const page = (cut: number) =>
    `<html><body><main><article><h1>Mutual funds</h1><p>A mutual fund pools the money of many investors and buys a mix of stocks, bonds or both, chosen by a manager or by an index.</p>${funds.map((f, k) => card(f, k !== cut)).join('')}</article></main></body></html>`;

  it('a card without its paragraph is still one of the cards', () => {
    const whole = extractArticle(page(-1)).text.split('\n\n');
    const cut = extractArticle(page(1)).text.split('\n\n');
    expect(whole).toContain('Bond funds');
    expect(cut).toEqual(whole.filter((line) => line !== funds[1][1]));
  });
});

describe('a list of plain items with a link here and there', () => {
  const skills = [
    '<a href="/guides/seo">Search engine optimization (SEO)</a>',
    'Testing and debugging',
    '<a href="/guides/responsive">Responsive web design</a> (making websites work across devices)',
    'UX and UI',
    'Web hosting',
    'Cybersecurity',
  ];
  const intro = 'Beyond knowing those languages, other hard skills that successful web developers should learn and keep updated include:';
  const page = (withIntro: boolean) =>
    `<html><body><main><article><h1>How to freelance</h1><p>Being a freelance web developer gives you more flexibility, and more control over the projects you take on, than a salaried job.</p>${withIntro ? `<p>${intro}</p>` : ''}<ul>${skills.map((s) => `<li>${s}</li>`).join('')}</ul><p>Soft skills matter as much: clients come back to the developer who answers, explains and delivers when promised.</p></article></main></body></html>`;

  it('is text whether or not a sentence introduces it', () => {
    const whole = extractArticle(page(true)).text.split('\n\n');
    const cut = extractArticle(page(false)).text.split('\n\n');
    expect(whole).toContain('Testing and debugging');
    expect(cut).toEqual(whole.filter((line) => line !== intro));
  });
});

describe('an article split into sections of one kind', () => {
  const para = (topic: string) =>
    `Savings for ${topic} come first, before rent, food and fun, and a fixed share of every paycheck goes there on the day it arrives, without fail.`;
  const section = (topics: string[]) => `<div class="content-section"><div class="rich-text">${topics.map((t) => `<p>${para(t)}</p>`).join('')}</div></div>`;
  const related = ['Popular side gigs to bring in extra cash each month', 'Your first paychecks'];
  const page = (second: string[]) =>
    `<html><body><main><div class="body-content"><nav><a href="/">Education and tools</a> <a href="/loans">Applying for a loan</a></nav>${section(['emergencies', 'retirement', 'a house', 'travel'])}<div class="story-part">${section(second)}</div><div class="related-links">${related.map((r) => `<a href="/${r.length}">${r}</a>`).join('')}</div></div></main></body></html>`;

  it('is read whole beside a block of related links, however many paragraphs its second section has', () => {
    for (const second of [
      ['school', 'a car', 'a bike'],
      ['school', 'a car'],
    ]) {
      const text = extractArticle(page(second)).text;
      expect(text).toContain(para('school'));
      expect(text).not.toContain('side gigs');
    }
  });
});
