/**
 * Stable choice, line by line: one paragraph gone from a page must not join, trim or lose the
 * lines around it. Small synthetic pages, each in the shape of a real page that did
 * (`npm run eval:stability` finds them in the shared corpora).
 */
import { describe, expect, it } from 'vitest';
import { dropOneParagraph } from '../../scripts/lib/drop-paragraph';
import { extractArticle } from '../../src/extract';

const story = [
  'Firefox lets you make the browser your own, from the look of its toolbar to what its address bar suggests when you type.',
  'Every part of it can be changed, and none of the changes needs an add-on or a restart to take effect.',
].map((p) => `<p>${p}</p>`);

describe('a button that opens a line is a line of its own', () => {
  const sections = [
    ['Themes', 'Make Firefox match your style: choose from thousands of themes and dress up your browser with a click.'],
    ['Awesome Bar', 'The Awesome Bar learns as you browse to make your version of Firefox unique, and finds your sites again.'],
    ['Sync', 'Access your bookmarks, history, passwords and more from any device, and keep them the same on all of them.'],
  ];
  // As on mozilla.org: a "Next" button between each section's heading and its paragraph, a plain link after it.
  const section = ([name, lead]: string[], withLead: boolean) =>
    `<div class="customizer-copy"><h3>${name}</h3> <a class="next" href="#next" role="button">Next</a> ${
      withLead ? `<p class="lead">${lead}</p>` : ''
    } <a class="more" href="/kb/${name}">See what ${name} can do for you</a></div>`;
  const page = (cut: number) =>
    `<html><body><main><article><h1>Customize Firefox</h1>${story.join('')}${sections.map((s, k) => section(s, k !== cut)).join('')}</article></main></body></html>`;

  it('does not join the next link when the paragraph between them goes', () => {
    const whole = extractArticle(page(-1)).text.split('\n\n');
    const cut = extractArticle(page(1)).text.split('\n\n');
    expect(whole).toContain('Next');
    expect(whole).toContain('See what Awesome Bar can do for you');
    expect(cut).toEqual(whole.filter((line) => line !== sections[1][1]));
  });

  it('a button inside a sentence (a footnote marker) stays in the sentence', () => {
    const html = `<html><body><main><article><h1>Notes</h1>${story.join('')}<p>We never saw the film, and only know it by its reputation.<a href="javascript:void(0)" role="button">2</a> It did not matter.</p></article></main></body></html>`;
    expect(extractArticle(html).text.split('\n\n')).toContain('We never saw the film, and only know it by its reputation.2 It did not matter.');
  });
});

describe('the check drops only a paragraph the extract read', () => {
  const heading = 'How we tested the laptops in our lab this spring';
  const bio = 'Michael Ansaldo is a technology journalist. He’s been covering home security cameras since 2013.';
  // As on pcworld.com and techhive.com: a table of contents lists the story's headings as <p>s,
  // and the author's bio stands twice, in the story written with an entity and in an author box.
  const page = `<html><body><nav><ul><li><p class="toc">${heading}</p></li></ul></nav><main><article><h1>Laptops</h1>${story.join('')}<h2>${heading}</h2>${story
    .map((p) => p.replace('<p>', '<p>In the lab: '))
    .join('')}<p>${bio.replace('’', '&rsquo;')}</p></article></main><aside class="author-box"><p>${bio}</p></aside></body></html>`;

  it('never a second copy of its words elsewhere on the page', () => {
    const text = extractArticle(page).text.split('\n\n');
    expect(text).toContain(heading);
    expect(text).toContain(bio);
    let count = 1;
    for (let k = 0; k < count; k++) {
      const result = dropOneParagraph(page, undefined, (n) => {
        count = n;
        return k;
      });
      expect(result.extra, `dropping "${result.dropped}"`).toEqual([]);
    }
    expect(count).toBeGreaterThanOrEqual(4);
  });
});

/** Reads `cut` as a check does, knowing the version `whole` was read as. */
const asCheck = (whole: string, cut: string) => {
  const first = extractArticle(whole);
  return extractArticle(cut, undefined, { previousBodyPath: first.bodyPath, previousText: first.text });
};
const storyPage = (inside: string) =>
  `<html><head><title>Saving money</title></head><body><main><article><h1>Saving money</h1>${story.join('')}${inside}${story
    .map((p) => p.replace('<p>', '<p>And again: '))
    .join('')}</article></main></body></html>`;

describe('a box the previous version held keeps what is left of it when its paragraph goes', () => {
  const blurb = 'Our advisors are committed to developing a relationship and taking the time to learn your goals.';
  const bio = 'Sarah Archer is the author of The Midcentury Kitchen, a history of the American kitchen.';
  // As on cbcbank.com: a callout inside a layout row, its heading and its button left once the paragraph goes.
  const callout = (withBlurb: boolean) =>
    `<div class="row-fluid-wrapper"><div class="callout-box__inner"><h2 class="callout-box__heading">Manage Your Money Better</h2>${
      withBlurb ? `<p class="callout-box__body">${blurb}</p>` : ''
    }<a href="/wealth" class="button">Get Trusted Advice</a></div></div>`;
  // As on citylab.com: an author box whose name heading stays; its feed link was never text.
  const author = (withBio: boolean) =>
    `<h4>About the Author</h4><section class="c-author-article"><div class="c-author-article__content"><h5><a href="/authors/sarah-archer/">Sarah Archer</a></h5><ul class="c-author-article__list"><li><a href="/feeds/author/sarah-archer/">Feed</a></li></ul>${
      withBio
        ? `<p class="c-author-article__bio"><a href="/authors/sarah-archer/">Sarah Archer</a> is the author of The Midcentury Kitchen, a history of the American kitchen.</p>`
        : ''
    }</div></section>`;

  for (const [what, box, gone, left] of [
    ['a callout left with its heading and its button', callout, blurb, ['Manage Your Money Better', 'Get Trusted Advice']],
    ['an author box left with the name', author, bio, ['Sarah Archer']],
  ] as const) {
    it(what, () => {
      const whole = extractArticle(storyPage(box(true))).text.split('\n\n');
      for (const line of left) expect(whole).toContain(line);
      expect(whole).not.toContain('Feed');
      expect(asCheck(storyPage(box(true)), storyPage(box(false))).text.split('\n\n')).toEqual(whole.filter((line) => line !== gone));
    });
  }
});
describe('a line the previous version held as text is not trimmed for where it now stands', () => {
  const title = 'Best Practices for PTO Benefits';
  const intro = '<p>One of the best ways to keep employees engaged is to offer competitive paid time off, and to say plainly how it works.</p>';
  // As on papertrails.com: the post's first section is headed with the post's own title.
  const page = (withIntro: boolean) =>
    `<html><head><title>${title} - Paper Trails</title></head><body><div class="hero"><h1>${title}</h1></div><main><div class="post-body">${
      withIntro ? intro : ''
    }<h2>${title}</h2>${story.join('')}</div></main></body></html>`;

  it('a subheading that repeats the headline, once the paragraph above it goes', () => {
    const whole = extractArticle(page(true)).text.split('\n\n');
    expect(whole[1]).toBe(title);
    expect(asCheck(page(true), page(false)).text.split('\n\n')).toEqual(whole.slice(1));
  });

  it('on its own, a page whose text opens with the headline still loses it', () => {
    expect(extractArticle(page(false)).text.split('\n\n')[0]).not.toBe(title);
  });
});

describe('a furniture line the page shows again elsewhere is still judged by where it stands', () => {
  // As on breitbart.com: a "Sign up" line above the story, and the same line as a box inside it.
  const signUp = 'SIGN UP FOR OUR NEWSLETTER';
  const extra = '<p>Then the council voted again, and the ferry pier was closed for good at the end of the month.</p>';
  const page = (withExtra: boolean) =>
    `<html><head><title>Pier</title></head><body><main><article><h1>Pier</h1><p>${signUp}</p>${story[0]}<h3>${signUp}</h3>${story[1]}${
      withExtra ? extra : ''
    }${story.map((p) => p.replace('<p>', '<p>Later: ')).join('')}</article></main></body></html>`;

  it('the one at the top stays out when a paragraph goes', () => {
    const whole = extractArticle(page(true)).text.split('\n\n');
    expect(whole[0]).not.toBe(signUp);
    expect(whole.filter((line) => line === signUp)).toHaveLength(1);
    expect(asCheck(page(true), page(false)).text.split('\n\n')).toEqual(whole.filter((line) => !line.startsWith('Then the council')));
  });
});
