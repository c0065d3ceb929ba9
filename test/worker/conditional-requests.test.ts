/**
 * Conditional requests through the path a user takes: a page served by a file server (the
 * newsroom with `conditional`), tracked and checked through the API. A Last-Modified as new as the
 * answer that carried it is too weak to ask If-Modified-Since with: a file replaced within the
 * same second keeps it, and the server would call the correction "not modified".
 */
import { describe, expect, it } from 'vitest';
import { api, post, publish } from '../helpers';

function story(headline: string, ...paragraphs: string[]) {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${headline} - The Daily Test</title></head>
<body><article><h1>${headline}</h1><div class="byline">By A. Reporter</div>${body}</article></body></html>`;
}

const paragraphs = [
  'The harbour authority said on Monday that the new ferry terminal would open in the spring, two years later than planned.',
  'Delays were blamed on the discovery of an old sea wall beneath the site, which archaeologists asked to record before building resumed.',
  'The terminal will handle four ferries an hour at peak times, the authority said, up from two at the current pier.',
];
const v1 = story('Ferry terminal to open in spring', ...paragraphs);
const v2 = story(
  'Ferry terminal to open in spring',
  ...paragraphs.slice(0, 2),
  'The terminal will handle six ferries an hour at peak times, the authority said, up from two at the current pier.',
);

async function track(path: string, html: string, lastModified: string) {
  const url = await publish(path, html, { headers: { 'last-modified': lastModified }, conditional: true });
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  return { url, id };
}
const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json<{ changed: boolean; version: number | null; error: string | null }>();
const versionsOf = async (id: string) => (await (await api(`/articles/${id}`)).json<{ versions: { n: number }[] }>()).versions.map((v) => v.n);

describe('conditional requests to a file server', () => {
  it('a correction saved within the second the page was fetched is seen at the next check, not hidden by a 304', async () => {
    const path = `/conditional/same-second-${Math.random()}`;
    // A file server's Last-Modified is the file's mtime, to the second: as new as the answer itself.
    const sameSecond = new Date().toUTCString();
    const { id } = await track(path, v1, sameSecond);
    expect(await check(id)).toMatchObject({ changed: true, version: 1 });
    // Replaced within the same second: the mtime, and so the Last-Modified, did not move.
    await publish(path, v2, { headers: { 'last-modified': sameSecond }, conditional: true });
    expect(await check(id)).toMatchObject({ changed: true, version: 2, error: null });
    expect(await versionsOf(id)).toEqual([1, 2]);
  });

  it('a page whose Last-Modified is well older than its fetch still takes the cheap 304', async () => {
    const path = `/conditional/old-${Math.random()}`;
    const anHourAgo = new Date(Date.now() - 3_600_000).toUTCString();
    const { id } = await track(path, v1, anHourAgo);
    expect(await check(id)).toMatchObject({ changed: true, version: 1 });
    // The server keeps its validator across an edit, so it answers 304 and Redline trusts it:
    // proof that If-Modified-Since was sent (the risk docs/checks-and-extraction.md names).
    await publish(path, v2, { headers: { 'last-modified': anHourAgo }, conditional: true });
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await versionsOf(id)).toEqual([1]);
    // Once the server moves its Last-Modified, the edit is seen.
    await publish(path, v2, { headers: { 'last-modified': new Date(Date.now() - 1_800_000).toUTCString() }, conditional: true });
    expect(await check(id)).toMatchObject({ changed: true, version: 2 });
  });

  it('an ETag is still asked with If-None-Match when the Last-Modified is too new to use', async () => {
    const path = `/conditional/etag-${Math.random()}`;
    const now = new Date().toUTCString();
    const url = await publish(path, v1, { headers: { 'last-modified': now, etag: '"v1"' }, conditional: true });
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    expect(await check(id)).toMatchObject({ changed: true, version: 1 });
    // Same ETag across an edit: the 304 comes from If-None-Match alone.
    await publish(path, v2, { headers: { 'last-modified': now, etag: '"v1"' }, conditional: true });
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    await publish(path, v2, { headers: { 'last-modified': now, etag: '"v2"' }, conditional: true });
    expect(await check(id)).toMatchObject({ changed: true, version: 2 });
  });
});
