/**
 * Import trusts nothing: every record is checked against the API's schemas, strictly, and against
 * the others before anything is written; a refusal names the line and leaves KV as it was; a body
 * over the cap is cut off while it streams. A property test mutates a real export at random: each
 * mutation either imports exactly (a second export equals it) or is refused with nothing written.
 */
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';
import { sha256Hex } from '../../src/model/sha256';
import { agenda } from '../../src/store/agenda';
import { MAX_IMPORT_BYTES } from '../../src/web/transfer';
import { api, auth, kvSnapshot, page, post, publish, wipeKv } from '../helpers';
import { story } from '../schedule/scale-helpers';

type Line = Record<string, any>;

const exportNow = async () => new TextDecoder().decode(await (await api('/export', { headers: auth })).arrayBuffer());
const toLines = (ndjson: string): Line[] =>
  ndjson
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const toNdjson = (lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');

/** A record with its keys sorted, so two exports compare by content, not by key order. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
const recordsOf = (lines: Line[]) =>
  lines
    .filter((l) => l.type !== 'redline-export')
    .map((l) => JSON.stringify(canonical(l)))
    .sort();

/** A real export: an edited article, a never-checked one, an untracked one, one removed and back, and a source. */
let valid: Line[] = [];

beforeAll(async () => {
  await wipeKv();
  const story1 = await publish('/import/founding', v1);
  const { id } = await (await post('/articles', { url: story1 })).json<{ id: string }>();
  await post(`/articles/${id}/check`, '');
  await publish('/import/founding', v2);
  await post(`/articles/${id}/check`, '');
  await post('/articles', { url: await publish('/import/never-checked', v1) });
  const gone = await publish('/import/untracked', story('Untracked later'));
  const untracked = (await (await post('/articles', { url: gone })).json<{ id: string }>()).id;
  await post(`/articles/${untracked}/check`, '');
  await api(`/articles/${untracked}`, { method: 'DELETE', headers: auth });
  const flaky = await publish('/import/removed', story('Removed and back'));
  const removed = (await (await post('/articles', { url: flaky })).json<{ id: string }>()).id;
  await post(`/articles/${removed}/check`, '');
  await publish('/import/removed', '<h1>Gone</h1>', { status: 404 });
  await post(`/articles/${removed}/check`, '');
  await post(`/articles/${removed}/check`, '');
  await publish('/import/removed', story('Removed and back', 'A new sentence.'));
  await post(`/articles/${removed}/check`, '');
  const feed = await publish(
    '/import/feed.xml',
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><link>${story1}</link></item></channel></rss>`,
    {
      headers: { 'content-type': 'application/xml' },
    },
  );
  expect((await post('/sources', { url: feed })).status).toBe(201);
  valid = toLines(await exportNow());
  const types = valid.map((l) => l.type);
  expect(types.filter((t) => t === 'article')).toHaveLength(4);
  expect(types).toContain('source');
  expect(valid.some((l) => l.type === 'change' && /-removed-/.test(l.change.seq))).toBe(true);
});

/** Imports `body` into an empty namespace; answers the response and whether KV was left untouched. */
async function importIntoEmpty(body: BodyInit, headers: Record<string, string> = {}) {
  await wipeKv();
  const before = await kvSnapshot();
  const response = await api('/import', { method: 'POST', body, headers: { ...auth, 'content-type': 'application/x-ndjson', ...headers } });
  const untouched = JSON.stringify([...(await kvSnapshot())]) === JSON.stringify([...before]);
  return { response, untouched };
}

const lineOf = (type: string, where: (l: Line) => boolean = () => true) => valid.findIndex((l) => l.type === type && where(l));
/** The valid export with the record on `index` changed by `edit`; the 1-based line number of that record. */
function withEdit(index: number, edit: (l: Line) => void): { body: string; line: number } {
  const copy = structuredClone(valid);
  edit(copy[index]);
  return { body: toNdjson(copy), line: index + 1 };
}

describe('import refuses what it cannot trust, naming the line, writing nothing', () => {
  const article = () => lineOf('article', (l) => l.article.versions.length === 2);
  const version = () => lineOf('version');
  const change = () => lineOf('change', (l) => l.change.event === 'edit');
  const source = () => lineOf('source');
  const cases: [string, () => { body: string; line: number }, RegExp][] = [
    ['a change with "stats": null', () => withEdit(change(), (l) => (l.change.stats = null)), /change\.stats/],
    ['a diff without stats', () => withEdit(change(), (l) => delete l.change.diff.stats), /change\.diff\.stats/],
    ['an article id with path characters', () => withEdit(article(), (l) => (l.article.id = '../../../etc/pa')), /article\.id/],
    ['a version id with path characters', () => withEdit(version(), (l) => (l.id = 'abc/../def:0000')), /id must be an article id/],
    ['a change seq with path characters', () => withEdit(change(), (l) => (l.change.seq = '000002/../x')), /change\.seq/],
    ["an id that is not the URL's", () => withEdit(article(), (l) => (l.article.id = '0123456789abcdef')), /does not match the id/],
    ['an unknown record type', () => withEdit(version(), (l) => (l.type = 'webhook')), /unknown record type "webhook"/],
    ['an unknown field', () => withEdit(article(), (l) => (l.article.owner = 'me')), /unknown field "article\.owner"/],
    ['an unknown nested field', () => withEdit(change(), (l) => (l.change.diff.changes[0].html = '<b>')), /unknown field "change\.diff\.changes\.0\.html"/],
    ['a javascript: article URL', () => withEdit(article(), (l) => (l.article.url = 'javascript:alert(1)')), /article\.url/],
    ['a file: finalUrl', () => withEdit(article(), (l) => (l.article.finalUrl = 'file:///etc/passwd')), /article\.finalUrl is not an http\(s\) URL/],
    [
      'a data: canonical URL on a version',
      () => withEdit(version(), (l) => (l.version.canonicalUrl = 'data:text/html,<script>alert(1)</script>')),
      /version\.canonicalUrl/,
    ],
    ['a gopher: source URL', () => withEdit(source(), (l) => (l.source.url = 'gopher://127.0.0.1/feed')), /source\.url/],
    ["a site that is not the URL's host", () => withEdit(article(), (l) => (l.article.site = 'evil.example/..')), /article\.site/],
    ['versions not numbered 1, 2', () => withEdit(article(), (l) => (l.article.versions[1].n = 3)), /without gaps/],
    ['a change time that is not a time', () => withEdit(change(), (l) => (l.change.at = 'yesterday')), /change\.at/],
    [
      'a change to a version that does not exist',
      () => withEdit(change(), (l) => Object.assign(l.change, { to: 7, seq: '000007', from: 6 })),
      /names version 7/,
    ],
    ["a change whose hash is not its version's", () => withEdit(change(), (l) => (l.change.hash = 'f'.repeat(64))), /change\.hash/],
    [
      'a version whose hash disagrees with its summary and its words',
      () => withEdit(version(), (l) => (l.version.hash = '0'.repeat(64))),
      /its hash is not the hash/,
    ],
    [
      "a summary whose hash is neither its version's nor that of its words",
      () => {
        const { body } = withEdit(article(), (l) => (l.article.versions[0].hash = '0'.repeat(64)));
        const id = valid[article()].article.id;
        return { body, line: lineOf('version', (l) => l.id === id && l.version.n === 1) + 1 };
      },
      /does not match its summary/,
    ],
    [
      'a version text altered under its original hash',
      () => withEdit(version(), (l) => (l.version.text = `<script>alert(1)</script>${l.version.text}`)),
      /version \d+: its hash is not the hash of its title, byline and text/,
    ],
    ['a version byline altered under its original hash', () => withEdit(version(), (l) => (l.version.byline = 'Someone Else')), /its hash is not the hash/],
    ['a kind that does not exist', () => withEdit(change(), (l) => (l.change.kinds = ['typo'])), /change\.kinds/],
    ['a header of another format', () => withEdit(0, (l) => (l.version = 2)), /export starts with/],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const { body, line } = make();
      const { response, untouched } = await importIntoEmpty(body);
      const { error } = await response.json<{ error: string }>();
      expect(response.status, error).toBe(400);
      expect(error).toContain(`line ${line}:`);
      expect(error).toMatch(message);
      expect(untouched).toBe(true);
    });
  }

  it('a version of an article that is not in the file, a missing version, a repeated one', async () => {
    const v = version();
    const articleLine = valid.findIndex((l) => l.type === 'article' && l.article.id === valid[v].id);
    const orphan = toNdjson(valid.filter((_, k) => k !== articleLine));
    let { response, untouched } = await importIntoEmpty(orphan);
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/^nothing imported: line \d+: version of article [0-9a-f]{16}, which is not in the file$/),
    });
    expect(untouched).toBe(true);

    ({ response, untouched } = await importIntoEmpty(toNdjson(valid.filter((_, k) => k !== v))));
    expect((await response.json<{ error: string }>()).error).toMatch(
      new RegExp(`line ${articleLine + 1}: article \\w+ lists version 1, which is not in the file`),
    );
    expect(untouched).toBe(true);

    ({ response, untouched } = await importIntoEmpty(toNdjson([...valid, valid[v]])));
    expect((await response.json<{ error: string }>()).error).toContain(
      `line ${valid.length + 1}: version 1 of article ${valid[v].id} appears twice (first on line ${v + 1})`,
    );
    expect(untouched).toBe(true);
  });

  it('a change stored with "stats": null used to break the home page and every feed for good', async () => {
    const { body } = withEdit(change(), (l) => (l.change.stats = null));
    const { response } = await importIntoEmpty(body);
    expect(response.status).toBe(400);
    for (const path of ['/', '/feed.xml', '/feed.atom', '/feed.json']) expect((await page(path)).status, path).toBe(200);
  });

  it('answers 413 past the cap when the body is sent chunked, without a length, and stops reading it', async () => {
    let pulled = 0;
    const header = new TextEncoder().encode(`${JSON.stringify(valid[0])}\n`);
    const blanks = new TextEncoder().encode(`${' '.repeat(1 << 22)}\n`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Ends only far past the cap: the Worker's cut-off is what stops the upload.
        if (pulled > 4 * MAX_IMPORT_BYTES) return controller.close();
        const chunk = pulled === 0 ? header : blanks;
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const { response, untouched } = await importIntoEmpty(endless);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: `an import is limited to ${MAX_IMPORT_BYTES} bytes` });
    expect(untouched).toBe(true);
    expect(pulled).toBeLessThan(2 * MAX_IMPORT_BYTES);
  });

  it('answers 413 at once for a declared length past the cap', async () => {
    const { response, untouched } = await importIntoEmpty(toNdjson(valid), { 'content-length': String(MAX_IMPORT_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(untouched).toBe(true);
  });

  it('an export taken while a check is writing leaves out the change whose version is not listed yet', async () => {
    await importIntoEmpty(toNdjson(valid));
    // What a check writes first, before its record lists the new version: the change to version 3.
    const change = structuredClone(valid.find((l) => l.type === 'change' && l.change.to === 2)!.change);
    await env.REDLINE.put(`change:${change.id}:000003`, JSON.stringify({ ...change, seq: '000003', from: 2, to: 3 }));
    const during = await exportNow();
    expect(recordsOf(toLines(during))).toEqual(recordsOf(valid));
    const { response } = await importIntoEmpty(during);
    expect(response.status).toBe(201);
  });

  it('a version stored under the first form of the hash (headline, blank line, text) still imports', async () => {
    const copy = structuredClone(valid);
    const line = copy.find((l) => l.type === 'version' && l.version.n === 1)!;
    const legacy = await sha256Hex(`${line.version.title}\n\n${line.version.text}`);
    const { id } = line;
    line.version.hash = legacy;
    for (const l of copy) {
      if (l.type === 'article' && l.article.id === id) l.article.versions[0].hash = legacy;
      if (l.type === 'change' && l.change.id === id && l.change.to === 1) l.change.hash = legacy;
    }
    const { response } = await importIntoEmpty(toNdjson(copy));
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
    expect(recordsOf(toLines(await exportNow()))).toEqual(recordsOf(copy));
  });

  it('the export itself imports exactly, sources included', async () => {
    const { response } = await importIntoEmpty(toNdjson(valid));
    expect(await response.json()).toEqual({
      imported: { articles: 4, versions: expect.any(Number), changes: expect.any(Number), sources: 1, snapshots: expect.any(Number) },
    });
    expect(recordsOf(toLines(await exportNow()))).toEqual(recordsOf(valid));
  });
});

describe('imports at once', () => {
  it('two imports started together into an empty namespace: one restores its file, the other is refused with 409', async () => {
    // Two different valid files: the export split by article (the source goes with the first).
    const articleIds = valid.filter((l) => l.type === 'article').map((l) => l.article.id as string);
    // Each line's article: a snapshot follows its version; the source goes with the first article.
    let last = '';
    const owners = valid.map((l) => {
      if (l.type === 'article' || l.type === 'version' || l.type === 'change')
        last = l.type === 'article' ? l.article.id : l.type === 'version' ? l.id : l.change.id;
      return l.type === 'source' ? articleIds[0] : l.type === 'redline-export' ? null : last;
    });
    const fileOf = (ids: string[]) => valid.filter((_, k) => owners[k] === null || ids.includes(owners[k]!));
    const files = [fileOf(articleIds.slice(0, 2)), fileOf(articleIds.slice(2))];
    for (let round = 0; round < 3; round++) {
      await wipeKv();
      const responses = await Promise.all(
        files.map((file) => api('/import', { method: 'POST', body: toNdjson(file), headers: { ...auth, 'content-type': 'application/x-ndjson' } })),
      );
      const answers = await Promise.all(responses.map((r) => r.json<{ error?: string }>()));
      expect(responses.map((r) => r.status).sort(), JSON.stringify(answers)).toEqual([201, 409]);
      const winner = files[responses.findIndex((r) => r.status === 201)];
      expect(recordsOf(toLines(await exportNow()))).toEqual(recordsOf(winner));
      expect(answers.find((a) => a.error)?.error).toMatch(/import/);
    }
  });

  it('an import that died holding the lease blocks the next one only until the lease expires', async () => {
    await wipeKv();
    const lease = agenda(env);
    expect(await lease.takeLease('import', 'an import that is running', 60_000)).toBe(true);
    const { response } = await importIntoEmpty(toNdjson(valid));
    expect(response.status).toBe(409);
    expect((await response.json<{ error: string }>()).error).toMatch(/another import is running/);
    await lease.releaseLease('import', 'an import that is running');

    expect(await lease.takeLease('import', 'an import that crashed', 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await importIntoEmpty(toNdjson(valid))).response.status).toBe(201);
  });
});

// ---- random mutations of a valid export -------------------------------------------------------

/** Every path to a value inside a record, e.g. ["change", "diff", "stats", "added"]. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, k) => [k, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

const nasty = fc.constantFrom<unknown>(
  null,
  '',
  0,
  -1,
  1.5,
  2,
  1e21,
  true,
  {},
  [],
  'x',
  '../..',
  'a:b',
  'javascript:alert(1)',
  'http://127.0.0.1/other',
  '2026-02-30T00:00:00.000Z',
  '0123456789abcdef',
  '000002',
  '000001-removed-1',
  'edit',
  'removed',
  'spelling',
  '<script>alert(1)</script>',
  '\u202e',
  'http://evil.example/',
);

type Mutation =
  | { op: 'drop' | 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'set'; at: number; path: number; value: unknown }
  | { op: 'delete' | 'extra'; at: number; path: number }
  | { op: 'truncate'; at: number; keep: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), path: fc.nat(), value: nasty }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), path: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ op: fc.constantFrom('delete' as const, 'extra' as const), at: fc.nat(), path: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
);

function mutate(lines: Line[], mutations: Mutation[]): unknown[] {
  const out: unknown[] = structuredClone(lines);
  for (const m of mutations) {
    const at = m.at % out.length;
    const target = out[at];
    if (m.op === 'drop') out.splice(at, 1);
    else if (m.op === 'duplicate') out.splice(at, 0, structuredClone(target));
    else if (m.op === 'swap') [out[at], out[m.with % out.length]] = [out[m.with % out.length], target];
    else if (m.op === 'truncate') out[at] = JSON.stringify(target).slice(0, m.keep % JSON.stringify(target).length);
    else if ('path' in m && typeof target === 'object' && target) {
      const paths = pathsOf(target).filter((p) => p.length > 0);
      const path = paths[m.path % paths.length];
      const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], target);
      const key = path.at(-1)!;
      if (m.op === 'set') parent[key] = structuredClone(m.value);
      else if (m.op === 'delete') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
      else if (parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key])) parent[key].surplus = 1;
    }
    if (out.length === 0) break;
  }
  return out;
}

describe('random mutations of a valid export', () => {
  it('either import exactly or are refused with nothing written; no page or feed fails after', async () => {
    let imported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const mutated = mutate(valid, mutations);
        const { response, untouched } = await importIntoEmpty(toNdjson(mutated));
        const answer = await response.json<{ error?: string }>();
        if (response.status !== 201) {
          expect(response.status, answer.error).toBe(400);
          expect(answer.error).toMatch(/^nothing imported: (line \d+: |the body is empty)/);
          expect(untouched).toBe(true);
          refused++;
          return;
        }
        imported++;
        const again = toLines(await exportNow());
        expect(recordsOf(again)).toEqual(recordsOf(mutated.filter((l): l is Line => typeof l === 'object')));
        for (const path of ['/', '/feed.xml', '/feed.atom', '/feed.json', '/api/v1/changes', '/api/v1/articles'])
          expect((await page(path)).status, path).toBe(200);
        for (const line of again.filter((l) => l.type === 'article')) {
          expect((await page(`/articles/${line.article.id}`)).status).toBe(200);
          expect((await page(`/articles/${line.article.id}/feed.xml`)).status).toBe(200);
        }
      }),
      { numRuns: 120, seed: 20261126 },
    );
    // Both outcomes must really occur, or the property says nothing.
    expect(imported).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(50);
  }, 240_000);
});
