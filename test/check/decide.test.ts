/**
 * decide(): the pure heart of a check. Given the record, the latest text and what a fetch saw, it
 * says what to write. These tests walk one article through its life, one observation at a time.
 */
import { describe, expect, it } from 'vitest';
import { changesNothing, decide, MAX_FAILURES_KEPT, type Decision, type FailureSeen, type PageSeen } from '../../src/check/decide';
import { versionHash } from '../../src/check/hash';
import type { ArticleRecord } from '../../src/model/records';

const TEXT_1 = 'The deputy foreign minister, Sergei Rybakov, said contacts had been made.\n\nMore words follow here.';
const TEXT_2 = TEXT_1.replace('Rybakov', 'Ryabkov');

const fresh = (): ArticleRecord => ({
  id: '00000000000000ab',
  url: 'https://news.test/story',
  finalUrl: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  active: true,
  deletedAt: null,
  title: null,
  site: 'news.test',
  versions: [],
  lastCheck: null,
  removedAt: null,
});

let clock = Date.parse('2026-11-01T00:15:00.000Z');
const tick = () => new Date((clock += 15 * 60_000)).toISOString();

async function page(text: string, title = 'Trump campaign had contacts', byline: string | null = 'By A. Reporter'): Promise<PageSeen> {
  return {
    ok: true,
    at: tick(),
    finalUrl: 'https://news.test/story',
    article: { title, byline, text, publishedAt: null, canonicalUrl: null, lang: 'en' },
    hash: await versionHash(title, text, byline),
  };
}

const failure = (status: number | null, message = `HTTP ${status}`): FailureSeen => ({
  ok: false,
  at: tick(),
  kind: status ? 'http' : 'network',
  message,
  status,
  retryAt: null,
});

/** Applies a decision the way the ArticleWriter commits it, returning the new record and latest text. */
function apply(state: { record: ArticleRecord; text: string | null }, decision: Decision) {
  return { record: decision.record ?? state.record, text: decision.version?.text ?? state.text };
}

describe('decide', () => {
  it('stores the first page as version 1, with no change to publish', async () => {
    const d = decide(fresh(), null, await page(TEXT_1));
    expect(d.result).toEqual({ changed: true, version: 1, error: null });
    expect(d.version).toMatchObject({ n: 1, text: TEXT_1, byline: 'By A. Reporter' });
    expect(d.change).toBeNull();
    expect(d.record?.lastCheck?.outcome).toBe('new');
    expect(d.record?.versions.map((v) => v.n)).toEqual([1]);
  });

  it('writes nothing when the same words come back', async () => {
    let state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    const again = decide(state.record, state.text, await page(TEXT_1));
    expect(again).toEqual({ record: null, version: null, change: null, result: { changed: false, version: null, error: null } });
    state = apply(state, again);
    expect(state.record.versions).toHaveLength(1);
  });

  it('stores an edit as the next version with its word diff and kinds', async () => {
    const state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    const d = decide(state.record, state.text, await page(TEXT_2));
    expect(d.result).toEqual({ changed: true, version: 2, error: null });
    expect(d.change).toMatchObject({ seq: '000002', from: 1, to: 2, event: 'edit', revertOf: null, kinds: ['spelling'], stats: { added: 1, removed: 1 } });
    expect(d.change?.diff.changes.filter((c) => c.op !== 'equal')).toEqual([
      { op: 'delete', text: 'Rybakov' },
      { op: 'insert', text: 'Ryabkov' },
    ]);
    expect(d.record?.lastCheck?.outcome).toBe('changed');
  });

  it('treats a byline change as an edit of its own kind', async () => {
    const state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    const d = decide(state.record, state.text, await page(TEXT_1, undefined, 'By A. Reporter and B. Writer'));
    expect(d.result.version).toBe(2);
    expect(d.change?.kinds).toContain('byline');
  });

  it('records a failure without a version, and the same failure again writes nothing', async () => {
    const state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    const first = decide(state.record, state.text, failure(503));
    expect(first.version).toBeNull();
    expect(first.result).toEqual({ changed: false, version: null, error: 'HTTP 503' });
    expect(first.record?.failures).toEqual([expect.objectContaining({ status: 503, endedAt: null })]);
    const next = apply(state, first);
    expect(decide(next.record, next.text, failure(503)).record).toBeNull();
  });

  it('ends the failure spell when the page answers again, without a new version', async () => {
    let state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    state = apply(state, decide(state.record, state.text, failure(null, 'connection reset')));
    const back = decide(state.record, state.text, await page(TEXT_1));
    expect(back.version).toBeNull();
    expect(back.record?.failures?.at(-1)?.endedAt).toBe(back.record?.lastCheck?.at);
    expect(back.record?.lastCheck?.outcome).toBe('unchanged');
  });

  it('keeps at most MAX_FAILURES_KEPT failure spells', async () => {
    let state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    for (let i = 0; i < MAX_FAILURES_KEPT + 5; i++) state = apply(state, decide(state.record, state.text, failure(500 + (i % 2), `error ${i}`)));
    expect(state.record.failures).toHaveLength(MAX_FAILURES_KEPT);
  });

  it('publishes one removal after two 404s in a row, and a return when the page is back', async () => {
    let state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    const firstGone = decide(state.record, state.text, failure(404));
    expect(firstGone.change).toBeNull();
    state = apply(state, firstGone);
    const removed = decide(state.record, state.text, failure(404));
    expect(removed.change).toMatchObject({ event: 'removed', from: 1, to: 1, kinds: [] });
    expect(removed.change?.seq).toMatch(/^000001-removed-\d+$/);
    state = apply(state, removed);
    expect(state.record.removedAt).not.toBeNull();
    expect(decide(state.record, state.text, failure(404)).record).toBeNull();
    const restored = decide(state.record, state.text, await page(TEXT_1));
    expect(restored.change).toMatchObject({ event: 'restored', from: 1, to: 1 });
    expect(restored.version).toBeNull();
    expect(restored.record?.removedAt).toBeNull();
  });

  it('stores a return to an earlier text once, as a revert, and ignores a copy flapping back', async () => {
    let state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    state = apply(state, decide(state.record, state.text, await page(TEXT_2)));
    const revert = decide(state.record, state.text, await page(TEXT_1));
    expect(revert.change).toMatchObject({ event: 'revert', revertOf: 1, from: 2, to: 3 });
    state = apply(state, revert);
    const flap = decide(state.record, state.text, await page(TEXT_2));
    expect(flap.version).toBeNull();
    expect(flap.change).toBeNull();
  });

  it('stores an edit undone and made again, once the flapping window has passed', async () => {
    let state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    state = apply(state, decide(state.record, state.text, await page(TEXT_2)));
    state = apply(state, decide(state.record, state.text, await page(TEXT_1)));
    // Within six hours of the revert, TEXT_2 again is a stale copy; after them, the edit made again.
    expect(decide(state.record, state.text, await page(TEXT_2)).version).toBeNull();
    clock += 6 * 3_600_000;
    const again = decide(state.record, state.text, await page(TEXT_2));
    expect(again.change).toMatchObject({ event: 'revert', revertOf: 2, from: 3, to: 4 });
    expect(changesNothing(state.record, await page(TEXT_2))).toBe(false);
  });

  it('stores a return to the text of any earlier version as a revert, but not an older fetch committing last', async () => {
    const TEXT_3 = `${TEXT_2} A third paragraph.`;
    let state = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    state = apply(state, decide(state.record, state.text, await page(TEXT_2)));
    const late = await page(TEXT_2); // fetched before version 3, committed after it
    state = apply(state, decide(state.record, state.text, await page(TEXT_3)));
    expect(decide(state.record, state.text, { ...late, at: state.record.versions[2].fetchedAt }).version).toBeNull();
    const back = decide(state.record, state.text, await page(TEXT_2));
    expect(back.change).toMatchObject({ event: 'revert', revertOf: 2, from: 3, to: 4 });
  });

  it('takes a new hash for the same words without a phantom version (a version hashed by an older normalizer)', async () => {
    const first = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1)));
    const stale = { ...first.record, versions: first.record.versions.map((v) => ({ ...v, hash: 'an-older-hash' })) };
    const d = decide(stale, first.text, await page(`${TEXT_1.replace(' said', '\u200e said')}`));
    expect(d.version).toBeNull();
    expect(d.change).toBeNull();
    expect(d.record?.versions).toHaveLength(1);
    expect(d.record?.versions[0].hash).not.toBe('an-older-hash');
  });

  it('a headline read without the space of its line break before is no phantom version', async () => {
    const first = apply({ record: fresh(), text: null }, decide(fresh(), null, await page(TEXT_1, 'Water billclears the Senate')));
    const d = decide(first.record, first.text, await page(TEXT_1, 'Water bill clears the Senate'));
    expect(d.version).toBeNull();
    expect(d.change).toBeNull();
    expect(decide(first.record, first.text, await page(TEXT_1, 'Water bill passes the Senate')).change).toMatchObject({ kinds: ['headline'] });
  });
});
