/**
 * What a check publishes about a story's notices and the page around it, through the path a user
 * takes (a real local server, the Worker's check, its API): a correction set in an <aside> inside
 * the story makes a version of kind `correction` that the site's record does not count as silent,
 * and so does one in German; an ad slot labelled in German, French or Spanish, or a free-article
 * meter counting down, makes no version at all.
 */
import { describe, expect, it } from 'vitest';
import { api, post, publish } from '../helpers';

const STORY = [
  'WASHINGTON — The Senate voted 52 to 48 on Tuesday to approve a sweeping overhaul of the nation’s water infrastructure, sending the measure to the House.',
  'The bill, which would spend $42 billion over five years on pipes, treatment plants and lead abatement, drew support from three Republicans.',
  'The House is expected to take up the bill next month. Speaker Tom Harlan has said he supports its goals but wants changes to how the money is shared.',
];

const story = (extra = '') => `<!doctype html><html lang="en"><head><title>Senate passes water bill - The Daily Test</title></head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<main><article class="story"><h1>Senate passes water bill</h1>
<section class="story-body">${STORY.map((p) => `<p>${p}</p>`).join('')}${extra}</section></article>
<aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Flint residents still wary of tap water</a></li></ul></aside></main>
<footer><p>© 2025 The Daily Test. All rights reserved.</p></footer></body></html>`;

type Change = { id: string; to: number; kinds: string[] };
const changesOf = async (id: string) => (await (await api('/changes?limit=1000')).json<{ changes: Change[] }>()).changes.filter((c) => c.id === id);
const siteRecord = async (host: string) => (await api(`/sites/${encodeURIComponent(host)}`)).json<{ substantiveEdits: number; silentEdits: number }>();

/** Tracks `first` at a new path, checks it, serves `second` there; returns the second check's answer. */
async function editTo(first: string, second: string) {
  const path = `/notices/${Math.random()}.html`;
  const url = await publish(path, first);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 1 });
  const host = new URL(url).hostname;
  const site = await siteRecord(host);
  await publish(path, second);
  const answer = await (await post(`/articles/${id}/check`, '')).json<{ changed: boolean }>();
  return { id, host, site, answer };
}

describe('a correction notice makes a version of kind correction', () => {
  it.each([
    [
      'in an <aside> of the story',
      '<aside class="correction"><p>Correction: An earlier version of this article misstated the vote count. It was 52 to 48, not 53 to 47.</p></aside>',
    ],
    ['in German', '<p><em>Korrektur: In einer früheren Version dieses Artikels hieß es, das Gesetz sei mit 53 zu 47 Stimmen verabschiedet worden.</em></p>'],
  ])('%s', async (_name, notice) => {
    const { id, host, site, answer } = await editTo(story(), story(notice));
    expect(answer).toMatchObject({ changed: true, version: 2 });
    const version = await (await api(`/articles/${id}/versions/2`)).json<{ text: string }>();
    expect(version.text.endsWith(notice.replace(/<[^>]+>/g, ''))).toBe(true);
    expect((await changesOf(id)).find((c) => c.to === 2)?.kinds).toEqual(['correction']);
    expect((await siteRecord(host)).silentEdits).toBe(site.silentEdits);
  });
});

describe('what is not the story makes no version', () => {
  it.each([
    ['an "Anzeige" slot', story(), story('<div><span>Anzeige</span></div>')],
    ['a "Publicité" slot', story(), story('<div class="pub"><span>Publicité</span></div>')],
    ['a "Publicidad" slot', story(), story('<div><p>Publicidad</p></div>')],
    [
      'a free-article meter counting down',
      story('<div class="meter">You have 3 free articles left this month. <a href="/subscribe">Subscribe</a></div>'),
      story('<div class="meter">You have 2 free articles left this month. <a href="/subscribe">Subscribe</a></div>'),
    ],
  ])('%s', async (_name, first, second) => {
    const { id, answer } = await editTo(first, second);
    expect(answer).toMatchObject({ changed: false });
    expect((await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions).toHaveLength(1);
  });
});
