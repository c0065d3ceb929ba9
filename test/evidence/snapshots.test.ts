/**
 * Evidence: the raw HTML of every version is kept in R2 (gzipped, named by its SHA-256), served
 * as a download from /articles/:id/versions/:n/source and never as a page; each version has a
 * readable page of its own. Pages come from the local newsroom and go through the real check.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v1Noise from '../fixtures/nyt-2016-ryabkov/v1-noise.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';
import { checkArticle } from '../../src/check';
import { settingsFrom } from '../../src/settings';
import { gunzip, gzip, sha256OfBytes, snapshotKey, toBase64 } from '../../src/evidence/snapshots';
import { api, auth, page, post, publish, wipeKv } from '../helpers';

const BODY =
  'The council met on Tuesday and voted to keep the library open for another year. Residents had asked for longer hours, and the mayor said the budget allowed it. ';

/** A page in windows-1252 with a headline that is markup as text: the bytes must come back as they were sent. */
function hostilePage(word: string): Uint8Array {
  const text = `<!doctype html><html><head><meta charset="windows-1252"><title>Caf\u00e9 story</title></head><body><article><h1>Caf\u00e9 &lt;script&gt;alert(1)&lt;/script&gt; ${word}</h1>${[1, 2, 3].map(() => `<p>${BODY}</p>`).join('')}<p>Na\u00efve \u00e9l\u00e8ve ${word}.</p></article></body></html>`;
  return Uint8Array.from([...text].map((ch) => ch.charCodeAt(0))); // Latin-1 range: one byte each
}

interface Record {
  id: string;
  versions: { n: number; snapshot?: string }[];
}

async function track(url: string): Promise<string> {
  const created = await post('/articles', { url });
  expect([200, 201]).toContain(created.status);
  return (await created.json<{ id: string }>()).id;
}

async function storedKeys(): Promise<string[]> {
  return (await env.SNAPSHOTS!.list({ prefix: 'html/' })).objects.map((o) => o.key);
}

describe('the raw HTML of every version, kept in R2', () => {
  it('a new version names the SHA-256 of the bytes as served, and R2 holds them gzipped under that hash', async () => {
    const bytes = hostilePage('first');
    const url = await publish('/evidence/cafe.html', bytes, { headers: { 'content-type': 'text/html; charset=windows-1252' } });
    const id = await track(url);
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 1 });
    const record = await (await api(`/articles/${id}`)).json<Record>();
    const sha = await sha256OfBytes(bytes);
    expect(record.versions[0].snapshot).toBe(sha);

    const object = await env.SNAPSHOTS!.get(snapshotKey(sha));
    expect(object).not.toBeNull();
    const packed = new Uint8Array(await object!.arrayBuffer());
    expect([packed[0], packed[1]]).toEqual([0x1f, 0x8b]); // a gzip member
    expect(await gunzip(packed)).toEqual(bytes);
    const version = await (await api(`/articles/${id}/versions/1`)).json<{ text: string }>();
    expect(version.text).toContain('Naïve élève first');
  });

  it('the source downloads byte for byte as an attachment that no browser renders as a page of ours', async () => {
    const bytes = hostilePage('download');
    const id = await track(await publish('/evidence/download.html', bytes, { headers: { 'content-type': 'text/html; charset=windows-1252' } }));
    await post(`/articles/${id}/check`, '');
    const response = await page(`/articles/${id}/versions/1/source`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="redline-${id}-v1.html"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(response.headers.get('x-redline-sha256')).toBe(await sha256OfBytes(bytes));
    expect(response.headers.get('x-redline-source-content-type')).toBe('text/html; charset=windows-1252');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('a re-served page that makes no version stores nothing more; a correction stores its own snapshot', async () => {
    const url = await publish('/evidence/founding.html', v1);
    const id = await track(url);
    await post(`/articles/${id}/check`, '');
    const before = await storedKeys();
    await publish('/evidence/founding.html', v1Noise);
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: false });
    expect(await storedKeys()).toEqual(before);
    await publish('/evidence/founding.html', v2);
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 2 });
    const record = await (await api(`/articles/${id}`)).json<Record>();
    const v2sha = await sha256OfBytes(new TextEncoder().encode(v2));
    expect(record.versions.map((v) => v.snapshot)).toEqual([await sha256OfBytes(new TextEncoder().encode(v1)), v2sha]);
    expect(await storedKeys()).toEqual([...before, snapshotKey(v2sha)].sort());
    const stored = await env.SNAPSHOTS!.head(snapshotKey(v2sha));
    expect(stored!.size).toBeLessThan(new TextEncoder().encode(v2).byteLength / 2); // gzipped: 13.9 KB of HTML keeps as 5.3 KB
  });

  it('without the SNAPSHOTS bucket a check still stores its version, which names no snapshot, and the source answers 404', async () => {
    const id = await track(await publish('/evidence/no-bucket.html', hostilePage('nobucket')));
    const { SNAPSHOTS: _unbound, ...withoutBucket } = env;
    expect(await checkArticle(withoutBucket, settingsFrom(withoutBucket), id)).toMatchObject({ changed: true, version: 1 });
    const record = await (await api(`/articles/${id}`)).json<Record>();
    expect(record.versions[0].snapshot).toBeUndefined();
    const response = await page(`/articles/${id}/versions/1/source`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/No raw HTML was kept/);
  });

  it('an unknown article, version or malformed number answers 404 on the source', async () => {
    expect((await page('/articles/0000000000000000/versions/1/source')).status).toBe(404);
    const id = await track(await publish('/evidence/one.html', hostilePage('one')));
    await post(`/articles/${id}/check`, '');
    expect((await page(`/articles/${id}/versions/9/source`)).status).toBe(404);
    expect((await page(`/articles/${id}/versions/01/source`)).status).toBe(404);
  });
});

describe('the version page', () => {
  it('shows the text as it stood, escaped, with links to its diffs, its source and the next version', async () => {
    const latin1 = { headers: { 'content-type': 'text/html; charset=windows-1252' } };
    const url = await publish('/evidence/version-page.html', hostilePage('before'), latin1);
    const id = await track(url);
    await post(`/articles/${id}/check`, '');
    await publish('/evidence/version-page.html', hostilePage('after'), latin1);
    await post(`/articles/${id}/check`, '');
    const response = await page(`/articles/${id}/versions/1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const body = await response.text();
    expect(body).toContain('<h1>Café &lt;script&gt;alert(1)&lt;/script&gt; before</h1>');
    expect(body).not.toContain('<script>');
    expect(body).toContain('<p>Naïve élève before.</p>');
    expect(body).toContain(`href="/articles/${id}/diff/1/2"`);
    expect(body).toContain(`href="/articles/${id}/versions/1/source"`);
    expect(body).toContain(`href="/articles/${id}/versions/2"`);
    expect(body).toMatch(/<main id="main">/);
    const second = await (await page(`/articles/${id}/versions/2`)).text();
    expect(second).toContain(`href="/articles/${id}/diff/1/2"`);
    expect(second).toContain('The latest version');
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain(`href="/articles/${id}/versions/2/source"`);
    expect(history).toContain(`href="/articles/${id}/versions/1"`);
  });

  it('answers 404 as a page for a version that does not exist', async () => {
    const id = await track(await publish('/evidence/missing-version.html', hostilePage('x')));
    const response = await page(`/articles/${id}/versions/3`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/has 0 versions/);
  });
});

async function exportNow(): Promise<string> {
  const response = await api('/export', { headers: auth });
  expect(response.status).toBe(200);
  return response.text();
}

describe('export and import carry the raw HTML', () => {
  it('the export has one snapshot line per distinct page; imported into an empty namespace and bucket, the download comes back byte for byte', async () => {
    const bytes = hostilePage('exported');
    const id = await track(await publish('/evidence/exported.html', bytes, { headers: { 'content-type': 'text/html; charset=windows-1252' } }));
    await post(`/articles/${id}/check`, '');
    const sha = await sha256OfBytes(bytes);
    const first = await exportNow();
    const lines = first
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const snapshots = lines.filter((l) => l.type === 'snapshot');
    expect(snapshots.filter((l) => l.sha256 === sha)).toHaveLength(1);
    expect(new Set(snapshots.map((l) => l.sha256)).size).toBe(snapshots.length);
    const versionLine = lines.findIndex((l) => l.type === 'version' && l.id === id);
    expect(lines[versionLine + 1]).toMatchObject({ type: 'snapshot', sha256: sha });

    await wipeKv(); // the bucket too
    const imported = await post('/import', first);
    expect(imported.status).toBe(201);
    expect((await imported.json<{ imported: { snapshots: number } }>()).imported.snapshots).toBe(snapshots.length);
    const source = await page(`/articles/${id}/versions/1/source`);
    expect(source.status).toBe(200);
    expect(new Uint8Array(await source.arrayBuffer())).toEqual(bytes);
  });

  it('a snapshot line whose bytes are not its hash refuses the whole import, naming the line, and writes nothing', async () => {
    await wipeKv(); // the bucket too
    const header = JSON.stringify({ type: 'redline-export', version: 1 });
    const wrong = JSON.stringify({
      type: 'snapshot',
      sha256: await sha256OfBytes(new TextEncoder().encode('other')),
      gzip: toBase64(await gzip(new TextEncoder().encode('<p>page</p>'))),
    });
    const refused = await post('/import', `${header}\n${wrong}\n`);
    expect(refused.status).toBe(400);
    expect((await refused.json<{ error: string }>()).error).toMatch(/line 2: snapshot.gzip does not unpack to bytes with its sha256/);
    const notGzip = JSON.stringify({
      type: 'snapshot',
      sha256: await sha256OfBytes(new TextEncoder().encode('x')),
      gzip: toBase64(new TextEncoder().encode('not gzip')),
    });
    expect((await (await post('/import', `${header}\n${notGzip}\n`)).json<{ error: string }>()).error).toMatch(/line 2: snapshot.gzip is not gzipped data/);
    expect((await env.SNAPSHOTS!.list()).objects).toEqual([]);
  });
});
