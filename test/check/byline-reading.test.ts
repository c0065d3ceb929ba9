/**
 * Bylines as a reader sees them, through the Worker: pages served by the local newsroom, checks
 * through the API. A reporter added to the visible byline is an edit even when a meta tag still
 * names one; a byline read in another form, or read where an older extractor read none, is not.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { writerFor } from '../../src/check/article-writer';
import { versionHash } from '../../src/check/hash';
import { getArticle, getVersion, putArticle, putVersion, type ArticleRecord } from '../../src/store';
import { api, kvSnapshot, post, publish } from '../helpers';

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to close the old ferry pier after a debate that lasted well into the night.',
  'Residents who spoke at the meeting said the pier had served the town for ninety years and asked for a delay.',
  'The mayor said the decision would save money that could be spent on the new landing opening next spring.',
  'Engineers had warned in March that the wooden piles under the pier were rotting faster than expected.',
  'The ferry company said it would move its morning crossings to the north landing from the first of May.',
  'A petition to keep the pier open as a walkway has gathered more than two thousand signatures this week.',
];

function story({ meta = '', lead = '' }: { meta?: string; lead?: string }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pier to close | The Harbour Times</title>${meta}</head>
<body><h1>Council votes to close the ferry pier</h1>${lead}<div class="article-body">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;
}
const META = '<meta name="author" content="Jane Doe">';

async function track(path: string, html: string) {
  const url = await publish(path, html);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: true, version: 1, error: null });
  return id;
}

const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json();
const versionsOf = async (id: string) => (await (await api(`/articles/${id}`)).json<{ versions: { n: number; byline: string | null }[] }>()).versions;

async function expectBylineEdit(id: string, old: string, now: string) {
  expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
  const diff = await (await api(`/articles/${id}/diff`)).json<{ byline: unknown }>();
  expect(diff.byline).toEqual({ old, new: now });
  const changes = (await (await api('/changes?kind=byline')).json<{ changes: { id: string; kinds: string[] }[] }>()).changes;
  expect(changes.find((c) => c.id === id)?.kinds).toEqual(['byline']);
}

describe('bylines a reader sees', () => {
  it('a second reporter in the visible byline is an edit though the meta tag still names one', async () => {
    const id = await track('/bylines/meta', story({ meta: META, lead: '<p class="byline">By Jane Doe</p>' }));
    expect((await versionsOf(id))[0].byline).toBe('Jane Doe');
    await publish('/bylines/meta', story({ meta: META, lead: '<p class="byline">By Jane Doe and John Roe</p>' }));
    await expectBylineEdit(id, 'Jane Doe', 'Jane Doe and John Roe');
  });

  it('the meta tag gone, the same byline read from the page ("By Jane Doe") is no edit', async () => {
    const id = await track('/bylines/form', story({ meta: META, lead: '<p class="byline">By Jane Doe</p>' }));
    await publish('/bylines/form', story({ lead: '<p class="byline">By Jane Doe</p>' }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect((await versionsOf(id)).map((v) => v.n)).toEqual([1]);
  });

  it('a version stored when the "By …" line under the headline was not read makes no phantom version, and a later byline edit shows', async () => {
    const path = '/bylines/lead';
    const id = await track(path, story({ lead: '<p>By Jane Doe</p>' }));
    // As the extractor before this rule stored it: no byline, the hash without one.
    const record = (await getArticle(env.REDLINE, id)) as ArticleRecord;
    const stored = (await getVersion(env.REDLINE, id, 1))!;
    const oldHash = await versionHash(stored.title, stored.text, null);
    const { bylineReading: _, ...first } = record.versions[0];
    const old: ArticleRecord = { ...record, versions: [{ ...first, byline: null, hash: oldHash }] };
    await putVersion(env.REDLINE, id, { ...stored, byline: null, hash: oldHash });
    await putArticle(env.REDLINE, old);
    await runInDurableObject(writerFor(env, id), async (_instance, state) => {
      const writer = (await state.storage.get<{ record: ArticleRecord; latestText: string | null }>('state'))!;
      await state.storage.put('state', { ...writer, record: old });
    });

    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    const versions = await versionsOf(id);
    expect(versions.map((v) => v.n)).toEqual([1]);
    expect(versions[0].byline).toBe('Jane Doe');
    const before = await kvSnapshot();
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await kvSnapshot()).toEqual(before);

    await publish(path, story({ lead: '<p>By Jane Doe and John Roe</p>' }));
    await expectBylineEdit(id, 'Jane Doe', 'Jane Doe and John Roe');
  });

  it('a story that had no byline and gains one is edited, and so is one that loses it', async () => {
    const id = await track('/bylines/gained', story({}));
    expect((await versionsOf(id))[0].byline).toBeNull();
    await publish('/bylines/gained', story({ lead: '<p class="byline">By Jane Doe</p>' }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ byline: unknown }>();
    expect(diff.byline).toEqual({ old: null, new: 'By Jane Doe' });
    await publish('/bylines/gained', story({}));
    expect(await check(id)).toEqual({ changed: true, version: 3, error: null });
  });
});
