/**
 * Faults survived and nothing lost: failures are recorded and store nothing, repeated failures
 * cost no writes, removals and returns are events, flapping pages make one item per text, and
 * concurrent checks keep version numbers contiguous and unique.
 */
import { describe, expect, it } from 'vitest';
import { api, cronTick, kvSnapshot, page, post, publish } from '../helpers';

function story(headline: string, ...paragraphs: string[]) {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${headline} - The Daily Test</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${headline}</h1><div class="byline">By A. Reporter</div>${body}</article>
<footer>© The Daily Test</footer></body></html>`;
}

const base = [
  'The city council voted on Tuesday to expand the bus network across the northern districts, officials said.',
  'The plan adds twelve routes and extends evening service, which residents had asked for at several public meetings.',
  'Opponents argued that the cost would strain a budget already stretched by repairs to aging bridges and tunnels.',
  'A final vote on funding is expected next month, after the transit authority publishes its revised estimates.',
];
const variant = (i: number) => story('Council expands bus network', ...base.slice(0, 3), `${base[3]} Update number ${i}.`);

async function track(path: string, html: string) {
  const url = await publish(path, html);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  return { url, id };
}

const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json<{ changed: boolean; version: number | null; error: string | null }>();
const record = async (id: string) =>
  (await api(`/articles/${id}`)).json<{
    versions: { n: number; hash: string; revertOf: number | null }[];
    lastCheck: { outcome: string; error: string | null; errorKind: string | null; retryAt: string | null };
    removedAt: string | null;
  }>();
const changesOf = async (id: string) =>
  (
    await (await api('/changes?limit=1000')).json<{ changes: { id: string; event: string; from: number; to: number; revertOf: number | null }[] }>()
  ).changes.filter((c) => c.id === id);

describe('failures while fetching', () => {
  it.each([
    ['HTTP 503', { status: 503 }, 'http'],
    ['not HTML', { headers: { 'content-type': 'application/json' } }, 'not-html'],
    ['an empty page', { body: '<html><body><div id="app"></div></body></html>' }, 'anomaly'],
    ['a consent wall', { body: story('Before you continue', 'We use cookies to improve your experience. Accept all?') }, 'anomaly'],
  ])('%s is recorded, stores no version, and the page served again afterwards is not a change', async (_name, fault, kind) => {
    const path = `/reliability/failure-${kind}-${Math.random()}`;
    const { url, id } = await track(path, variant(0));
    await check(id);
    const faulty = 'body' in fault ? (fault as { body: string }).body : 'oops';
    await publish(path, faulty, 'body' in fault ? {} : (fault as object));
    const failed = await check(id);
    expect(failed.changed).toBe(false);
    expect(failed.error).toBeTruthy();
    const after = await record(id);
    expect(after.versions).toHaveLength(1);
    expect(after.lastCheck).toMatchObject({ outcome: 'error', errorKind: kind });
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain(failed.error!.replace(/&/g, '&amp;'));
    expect(history).toContain('Check failed');

    // The same failure again writes nothing at all.
    const before = await kvSnapshot();
    expect((await check(id)).error).toBe(failed.error);
    expect((await check(id)).error).toBe(failed.error);
    expect(await kvSnapshot()).toEqual(before);

    await publish(path, variant(0));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect((await record(id)).versions).toHaveLength(1);
    expect((await record(id)).lastCheck.outcome).toBe('unchanged');
    // The failed spell stays in the history, with its end.
    const { failures } = await (await api(`/articles/${id}`)).json<{ failures: { kind: string; endedAt: string | null }[] }>();
    expect(failures).toHaveLength(1);
    expect(failures[0].kind).toBe(kind);
    expect(failures[0].endedAt).toBeTruthy();
    expect(await (await page(`/articles/${id}`)).text()).toMatch(/Check failed[\s\S]*until/);
    expect(url).toContain(path);
  });

  it('a timeout and a refused connection are recorded as such', async () => {
    const path = `/reliability/slow`;
    const { id } = await track(path, variant(0));
    await check(id);
    await publish(path, variant(1), { delayMs: 20_000 });
    // FETCH_TIMEOUT_MS is 15 s by default; the tests run with 1.5 s (vitest.config.ts).
    expect((await check(id)).error).toContain('no answer within');
    expect((await record(id)).lastCheck.errorKind).toBe('timeout');
  });

  it('honours 429 Retry-After: the cron leaves the article alone until then', async () => {
    const path = '/reliability/throttled';
    const { id } = await track(path, variant(0));
    await check(id);
    await publish(path, 'slow down', { status: 429, headers: { 'retry-after': '7200' } });
    expect((await check(id)).error).toBe('HTTP 429');
    const retryAt = Date.parse((await record(id)).lastCheck.retryAt!);
    expect(retryAt - Date.now()).toBeGreaterThan(7_000_000);
    await publish(path, variant(1));
    await cronTick();
    expect((await record(id)).versions).toHaveLength(1);
    await cronTick(new Date(retryAt + 60_000));
    expect((await record(id)).versions).toHaveLength(2);
  });
});

describe('removed and restored', () => {
  it('404 on two checks in a row is one "removed" event; the return is "restored" with its diff', async () => {
    const path = '/reliability/removed';
    const { id } = await track(path, variant(0));
    await check(id);
    await publish(path, 'gone', { status: 404 });
    await check(id);
    expect(await changesOf(id)).toEqual([]);
    await check(id);
    await check(id);
    expect((await record(id)).removedAt).toBeTruthy();
    const removed = await changesOf(id);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ event: 'removed', from: 1, to: 1 });

    await publish(path, variant(1));
    expect(await check(id)).toMatchObject({ changed: true, version: 2 });
    const events = (await changesOf(id)).map((c) => c.event);
    expect(events).toEqual(['restored', 'removed']);
    expect((await record(id)).removedAt).toBeNull();
    const diff = await (await api(`/articles/${id}/diff?from=1&to=2`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op === 'insert').map((c) => c.text.trim())).toEqual(['1']);
  });
});

describe('a page flapping between two copies', () => {
  it('makes one feed item per distinct text: the return is stored once as a revert', async () => {
    const path = '/reliability/flapping';
    const { id } = await track(path, variant(0));
    for (let i = 0; i < 6; i++) {
      await publish(path, variant(i % 2));
      await check(id);
    }
    const { versions } = await record(id);
    expect(versions.map((v) => [v.n, v.revertOf])).toEqual([
      [1, null],
      [2, null],
      [3, 1],
    ]);
    const changes = await changesOf(id);
    expect(changes.map((c) => [c.event, c.from, c.to, c.revertOf])).toEqual([
      ['revert', 2, 3, 1],
      ['edit', 1, 2, null],
    ]);
    const feed = await (await page(`/articles/${id}/feed.xml`)).text();
    expect(feed.match(/<item>/g)).toHaveLength(2);
  });
});

describe('a page going back to the text of an earlier version', () => {
  it('is a revert to that version, whichever it was (not only the first)', async () => {
    const path = '/reliability/back-to-second';
    const { id } = await track(path, variant(0));
    await check(id);
    for (const i of [1, 2, 1]) {
      await publish(path, variant(i));
      await check(id);
    }
    const { versions } = await record(id);
    expect(versions.map((v) => [v.n, v.revertOf])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, 2],
    ]);
    expect((await changesOf(id)).map((c) => [c.event, c.from, c.to, c.revertOf])).toEqual([
      ['revert', 3, 4, 2],
      ['edit', 2, 3, null],
      ['edit', 1, 2, null],
    ]);
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain('back to the text of version 2');
  });
});

describe('concurrent checks of one article', () => {
  it('ten concurrent checks with changing content leave contiguous, unique, complete versions', async () => {
    const path = '/reliability/concurrent';
    const { id } = await track(path, variant(100));
    const checks: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      await publish(path, variant(100 + i));
      checks.push(check(id));
      // A moment for the check to reach the page before the next edition replaces it: without it, on
      // a loaded machine every check could read the last edition, and the test would prove nothing.
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await Promise.all(checks);
    const { versions } = await record(id);
    expect(versions.map((v) => v.n)).toEqual(versions.map((_, i) => i + 1));
    expect(new Set(versions.map((v) => v.hash)).size).toBe(versions.length);
    expect(versions.length).toBeGreaterThan(1);
    for (const v of versions) {
      const stored = await (await api(`/articles/${id}/versions/${v.n}`)).json<{ n: number }>();
      expect(stored.n).toBe(v.n);
    }
    const changes = await changesOf(id);
    expect(changes.map((c) => c.to).sort((a, b) => a - b)).toEqual(versions.slice(1).map((v) => v.n));
  });
});
