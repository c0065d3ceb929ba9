/**
 * A byline is the reporters' names, through the path a user takes: pages served by the local
 * newsroom, checks through the API. What shares the byline's line (a relative time, an "Updated …"
 * time, a reads counter) changes on every serve or edit and made a "byline changed" version each
 * time; a second reporter's author link was not read at all.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { writerFor } from '../../src/check/article-writer';
import { versionHash } from '../../src/check/hash';
import { getArticle, getVersion, putArticle, putVersion, type ArticleRecord } from '../../src/store';
import { api, cronTick, post, publish } from '../helpers';

const PARAGRAPHS = [
  'WASHINGTON — The Senate voted 52 to 48 on Tuesday to approve a sweeping overhaul of the nation’s water infrastructure.',
  'The bill, which would spend $42 billion over five years on pipes, treatment plants and lead abatement, drew support from three Republicans.',
  'Opponents argued that the measure would add to the deficit and give federal agencies too much control over local utilities.',
  'The House is expected to take up the bill next month. Speaker Tom Harlan has said he supports its goals but wants changes.',
  'Utilities in several states have already begun replacing lead service lines with money from an earlier program.',
];

function story(byline: string, { paragraphs = PARAGRAPHS, head = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Senate passes water bill - The Daily Ledger</title>${head}</head>
<body><main><article class="story"><header class="story-header"><h1 class="headline">Senate Passes $42 Billion Water Bill</h1>${byline}</header>
<section class="story-body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</section></article></main></body></html>`;
}

const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json();
const versionsOf = async (id: string) => (await (await api(`/articles/${id}`)).json<{ versions: { n: number; byline: string | null }[] }>()).versions;
const kindsOf = async (id: string) =>
  (await (await api('/changes')).json<{ changes: { id: string; kinds: string[] }[] }>()).changes.filter((c) => c.id === id).map((c) => c.kinds);

async function track(path: string, html: string) {
  const url = await publish(path, html);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  await cronTick();
  expect((await versionsOf(id)).map((v) => v.n)).toEqual([1]);
  return id;
}

describe('a byline is the reporters’ names', () => {
  it('a re-render with only "3 hours ago" changed makes no version; a second reporter added through rel=author makes one', async () => {
    const path = '/politics/water-bill-relative.html';
    const id = await track(path, story('<p>By <a rel="author" href="/by/anna-reyes">Anna Reyes</a> · 3 hours ago</p>'));
    expect((await versionsOf(id))[0].byline).toBe('Anna Reyes');

    await publish(path, story('<p>By <a rel="author" href="/by/anna-reyes">Anna Reyes</a> · 4 hours ago</p>'));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });

    await publish(path, story('<p>By <a rel="author" href="/by/anna-reyes">Anna Reyes</a> and <a rel="author" href="/by/tom-li">Tom Li</a> · 5 hours ago</p>'));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ byline: unknown }>();
    expect(diff.byline).toEqual({ old: 'Anna Reyes', new: 'Anna Reyes and Tom Li' });
    expect(await kindsOf(id)).toEqual([['byline']]);
  });

  it('a relative time, a short "2h ago", an "Updated 3 minutes ago" time or a reads counter beside the byline makes no version when it ticks', async () => {
    const renders: Array<[string, string]> = [
      ['<p class="byline">By Anna Reyes · 3 hours ago</p>', '<p class="byline">By Anna Reyes · 4 hours ago</p>'],
      ['<p class="byline">By Anna Reyes <span class="ts">2h ago</span></p>', '<p class="byline">By Anna Reyes <span class="ts">3h ago</span></p>'],
      [
        '<div class="byline-block"><span class="byline">By Anna Reyes</span> <time>Updated 3 minutes ago</time></div>',
        '<div class="byline-block"><span class="byline">By Anna Reyes</span> <time>Updated 47 minutes ago</time></div>',
      ],
      [
        '<p class="byline">By Anna Reyes <span class="reads">1,204 reads</span></p>',
        '<p class="byline">By Anna Reyes <span class="reads">1,377 reads</span></p>',
      ],
    ];
    for (const [k, [before, after]] of renders.entries()) {
      const path = `/politics/water-bill-tick-${k}.html`;
      const id = await track(path, story(before));
      expect((await versionsOf(id))[0].byline).toBe('By Anna Reyes');
      await publish(path, story(after));
      expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    }
  });

  it('a changed "Updated …" time beside the byline shows once, in the text, and the byline is unchanged', async () => {
    const block = (time: string) =>
      `<div class="byline-block"><span class="byline">By <a href="/by/anna-reyes">Anna Reyes</a></span> <time datetime="2025-03-12T16:05:00Z">Updated March 12, 2025, ${time} ET</time></div>`;
    const path = '/politics/water-bill-updated.html';
    const id = await track(path, story(block('4:05 p.m.')));
    expect((await versionsOf(id))[0].byline).toBe('By Anna Reyes');
    await publish(path, story(block('6:40 p.m.')));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ byline: unknown; changes: { op: string; text: string }[] }>();
    expect(diff.byline).toBeNull();
    expect(diff.changes.filter((c) => c.op !== 'equal').map((c) => c.text)).toEqual(['4:05', '6:40']);
    expect((await kindsOf(id))[0]).not.toContain('byline');
  });

  it('an author added only in JSON-LD, which nobody sees, makes no version of a page that shows its byline', async () => {
    const ld = (authors: string[]) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', author: authors.map((name) => ({ '@type': 'Person', name })) })}</script>`;
    const path = '/politics/water-bill-ld.html';
    const id = await track(path, story('<p class="byline">By Anna Reyes</p>', { head: ld(['Anna Reyes']) }));
    await publish(path, story('<p class="byline">By Anna Reyes</p>', { head: ld(['Anna Reyes', 'Tom Li']) }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
  });

  it('an author added only in the meta tag makes no version either; added to the byline shown, it makes one', async () => {
    const meta = (names: string) => `<meta name="author" content="${names}">`;
    const path = '/politics/water-bill-meta.html';
    const id = await track(path, story('<p class="byline">By Anna Reyes</p>', { head: meta('Anna Reyes') }));
    await publish(path, story('<p class="byline">By Anna Reyes</p>', { head: meta('Anna Reyes, Tom Li') }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    await publish(path, story('<p class="byline">By Anna Reyes and Tom Li</p>', { head: meta('Anna Reyes, Tom Li') }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    expect((await versionsOf(id)).map((v) => v.byline)).toEqual(['Anna Reyes', 'Anna Reyes, Tom Li']);
  });

  it('a version whose byline was read with its "3 hours ago" (bylineReading 2) makes no phantom version after the reading changed, and a later byline edit shows', async () => {
    const path = '/politics/water-bill-older-reading.html';
    const id = await track(path, story('<p class="byline">By Anna Reyes · 3 hours ago</p>'));
    // As the rules before names were cut out of the line stored it.
    const oldByline = 'By Anna Reyes · 3 hours ago';
    const record = (await getArticle(env.REDLINE, id)) as ArticleRecord;
    const stored = (await getVersion(env.REDLINE, id, 1))!;
    const oldHash = await versionHash(stored.title, stored.text, oldByline);
    const old: ArticleRecord = { ...record, versions: [{ ...record.versions[0], byline: oldByline, bylineReading: 2, hash: oldHash }] };
    await putVersion(env.REDLINE, id, { ...stored, byline: oldByline, hash: oldHash });
    await putArticle(env.REDLINE, old);
    await runInDurableObject(writerFor(env, id), async (_instance, state) => {
      const writer = (await state.storage.get<{ record: ArticleRecord; latestText: string | null }>('state'))!;
      await state.storage.put('state', { ...writer, record: old });
    });

    await publish(path, story('<p class="byline">By Anna Reyes · 5 hours ago</p>'));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await versionsOf(id)).toMatchObject([{ n: 1, byline: 'By Anna Reyes' }]);

    await publish(path, story('<p class="byline">By Anna Reyes and Tom Li · 6 hours ago</p>'));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ byline: unknown }>();
    expect(diff.byline).toEqual({ old: 'By Anna Reyes', new: 'By Anna Reyes and Tom Li' });
  });
});
