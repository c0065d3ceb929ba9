/**
 * What counts as a new version: the words a reader reads, the headline and the byline. Invisible
 * characters, joiners and re-flowed paragraphs are not edits, a changed byline is, and a version
 * stored by an older normalizer or hash is never re-stored as a phantom version of the same page.
 * Through the user's path: pages served by the local newsroom, checks through the API, then the
 * API, the pages and the feeds as a reader reads them.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/model/sha256';
import { getVersion } from '../../src/store';
import { api, kvSnapshot, page, post, publish, readFeed, storeAsOlderRedline } from '../helpers';

const PARAGRAPHS = [
  'The city council voted on Tuesday to close the old library on Elm Street after a debate that lasted well into the night.',
  'Residents who spoke at the meeting said the building had served the neighbourhood for ninety years and asked for a delay.',
  'The mayor said the decision would save money that could be spent on the new branch opening next spring near the station.',
];

function story({ headline = 'Council votes to close the old library', author = 'Ana Reporter', paragraphs = PARAGRAPHS, join = '', dateline = '' } = {}) {
  const body = join ? `<p>${paragraphs.join(join)}</p>` : paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline} | The Daily</title><meta name="author" content="${author}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${headline}</h1>${dateline}<div class="article-body">${body}</div></article></body></html>`;
}

async function track(path: string, html: string) {
  const url = await publish(path, html);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: true, version: 1, error: null });
  return id;
}

const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json();
const versionsOf = async (id: string) => (await (await api(`/articles/${id}`)).json<{ versions: { n: number; hash: string }[] }>()).versions;

describe('what makes a new version', () => {
  it('invisible characters and joiners inside words make no new version', async () => {
    const id = await track('/same-words/invisible', story());
    const marked = PARAGRAPHS.map((p, k) =>
      k === 0
        ? p.replace('council', 'coun\u200Ccil').replace('library', 'lib\u200Erary')
        : k === 1
          ? p.replace('Residents', 'Resi\u2066dents\u2069').replace('building', 'build\u0007ing')
          : p.replace('mayor', 'ma\u200Dyor\u202C\uFE0F').replace('the', 'the\u3164'),
    );
    await publish('/same-words/invisible', story({ paragraphs: marked }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect((await versionsOf(id)).map((v) => v.n)).toEqual([1]);
  });

  it('paragraphs re-flowed (breaks become spaces, spaces become breaks) publish no feed item', async () => {
    const id = await track('/same-words/reflow', story());
    await publish('/same-words/reflow', story({ join: ' ' }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    await publish('/same-words/reflow', story({ join: '<br><br>' }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toEqual([]);
  });

  it('a byline that gains a reporter makes a version of kind byline, shown in the diff, pages and feeds', async () => {
    const id = await track('/same-words/byline', story());
    await publish('/same-words/byline', story({ author: 'Ana Reporter and Ben Writer' }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changed: boolean; byline: unknown; stats: unknown }>();
    expect(diff.changed).toBe(true);
    expect(diff.byline).toEqual({ old: 'Ana Reporter', new: 'Ana Reporter and Ben Writer' });
    expect(diff.stats).toEqual({ added: 0, removed: 0 });
    const changes = (await (await api(`/changes?kind=byline`)).json<{ changes: { id: string; kinds: string[] }[] }>()).changes;
    expect(changes.find((c) => c.id === id)?.kinds).toEqual(['byline']);
    const diffPage = await (await page(`/articles/${id}/diff/1/2`)).text();
    expect(diffPage).toContain('<strong>Byline:</strong> <del dir="auto">Ana Reporter</del> <ins dir="auto">Ana Reporter and Ben Writer</ins>');
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain('<ins dir="auto">Ana Reporter and Ben Writer</ins>');
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0].title).toContain('byline changed');
    expect(feed.entries[0].summary).toContain('Ana Reporter and Ben Writer');
  });

  it('the issue\'s own example: a visible "By A. Reporter" under the headline gains "and B. Writer" while the meta tag stays', async () => {
    const id = await track('/same-words/byline-line', story({ author: 'A. Reporter', dateline: '<p>By A. Reporter</p>' }));
    await publish('/same-words/byline-line', story({ author: 'A. Reporter', dateline: '<p>By A. Reporter and B. Writer</p>' }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ byline: unknown; stats: unknown }>();
    expect(diff.byline).toEqual({ old: 'A. Reporter', new: 'A. Reporter and B. Writer' });
    expect(diff.stats).toEqual({ added: 0, removed: 0 });
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0].title).toContain('byline changed');
  });

  it('a headline with a right-to-left override shows without it, isolated, on the home page', async () => {
    const id = await track('/same-words/override', story({ headline: 'Council \u202Eevitceffe\u202C votes to close the library' }));
    const record = await (await api(`/articles/${id}`)).json<{ title: string }>();
    expect(record.title).toBe('Council evitceffe votes to close the library');
    const home = await (await page('/')).text();
    expect(home).toContain('<bdi>Council evitceffe votes to close the library</bdi>');
    expect(home).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('a version stored by an older normalizer and hash, checked against the same page again, makes no phantom version', async () => {
    const id = await track('/same-words/legacy', story({ paragraphs: PARAGRAPHS.map((p, k) => (k === 2 ? p.replace('mayor', 'may\u200Eor') : p)) }));
    // As an older Redline stored it: the LRM kept in the text, the hash of headline and text
    // alone, no byline on the summary.
    const stored = (await getVersion(env.REDLINE, id, 1))!;
    const legacyText = stored.text.replace('mayor', 'may\u200Eor');
    const legacyHash = await sha256Hex(`${stored.title}\n\n${legacyText}`);
    await storeAsOlderRedline(id, legacyText, legacyHash, ({ byline: _byline, ...summary }) => summary);

    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    const versions = await versionsOf(id);
    expect(versions.map((v) => v.n)).toEqual([1]);
    expect(versions[0].hash).not.toBe(legacyHash);
    // The new hash is adopted: the next check is recognised from KV and writes nothing.
    const before = await kvSnapshot();
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await kvSnapshot()).toEqual(before);
    // And a real edit still diffs against the stored text, without the stale LRM showing as a change.
    await publish('/same-words/legacy', story({ paragraphs: PARAGRAPHS.map((p, k) => (k === 2 ? p.replace('next spring', 'next summer') : p)) }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op !== 'equal').map((c) => c.text)).toEqual(['spring', 'summer']);
  });

  it('an update line an older Redline did not read makes no version; a later edit of the line shows', async () => {
    const dateline = (time: string) => `<p class="dateline">Updated ${time} March 12, 2025</p>`;
    const id = await track('/same-words/update-line', story({ dateline: dateline('4:30 p.m.') }));
    const stored = (await getVersion(env.REDLINE, id, 1))!;
    expect(stored.text.startsWith('Updated 4:30 p.m. March 12, 2025\n\nThe city council')).toBe(true);
    // As an older Redline stored it: the text without the update line.
    const legacyText = stored.text.slice(stored.text.indexOf('The city council'));
    await storeAsOlderRedline(id, legacyText, await sha256Hex(`${stored.title}\n\n${legacyText}`));

    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect((await versionsOf(id)).map((v) => v.n)).toEqual([1]);
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toEqual([]);
    // The newsroom edits the story and its update line: both show, against the text stored.
    await publish(
      '/same-words/update-line',
      story({ dateline: dateline('6:10 p.m.'), paragraphs: PARAGRAPHS.map((p, k) => (k === 2 ? p.replace('next spring', 'next summer') : p)) }),
    );
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op !== 'equal').map((c) => c.text)).toEqual(['Updated 6:10 p.m. March 12, 2025\n\n', 'spring', 'summer']);
  });
});
