/**
 * The check fan-out: a tick sends due ids to CHECKS in batches and the consumer runs the same
 * check; transient failures are retried with backoff before anything is recorded; poison goes
 * to the dead-letter queue. Without a queue the tick checks inline within its budget, carries
 * the rest over, and keeps to the per-host limit. A 304 is an unchanged check with no write.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { runTick } from '../../src/cron/tick';
import type { CheckMessage, CheckPack } from '../../src/cron/check-message';
import { runCheck } from '../../src/cron/check-runner';
import { checkDue } from '../../src/cron/check-due';
import { pickForTick } from '../../src/schedule/pick';
import { getArticle, getCarried, putDue } from '../../src/store';
import { keys } from '../../src/store/keys';
import worker from '../../src/index';
import { cronTick, kvSnapshot, publish } from '../helpers';
import { checksIn, recordingQueue, settings, story, track, wipe } from '../schedule/scale-helpers';

beforeEach(wipe);

async function consume(messages: { id: string; body: unknown; attempts?: number }[], bindings: Partial<typeof env> = {}) {
  const batch = createMessageBatch(
    'redline-checks',
    messages.map((m) => ({ id: m.id, timestamp: new Date(), attempts: m.attempts ?? 1, body: m.body })),
  );
  // The harness reports which messages were retried, not with what delay: record the delays here.
  const delays: Record<string, number | undefined> = {};
  for (const m of batch.messages) {
    const retry = m.retry.bind(m);
    Object.defineProperty(m, 'retry', { value: (options?: QueueRetryOptions) => ((delays[m.id] = options?.delaySeconds), retry(options)) });
  }
  const ctx = createExecutionContext();
  await worker.queue!(batch, { ...env, ...bindings }, ctx);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryMessages: result.retryMessages.map((r: { msgId: string }) => ({ msgId: r.msgId, delaySeconds: delays[r.msgId] })) };
}

const pack = (ids: string[], host: string | null = '127.0.0.1'): CheckPack => ({
  checks: ids.map((id) => ({ id, every: null, host })),
  at: new Date().toISOString(),
  attempt: 1,
});

/** The namespace, except that reading any key of article `id` throws (its check throws every time). */
const failingReadsOf = (id: string) =>
  new Proxy(env.REDLINE, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== 'get' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (key: string, ...rest: unknown[]) => (key.includes(id) ? Promise.reject(new Error('KV is down for this key')) : value.call(target, key, ...rest));
    },
  });

const message = (id: string, host: string | null = '127.0.0.1', every: number | null = null): CheckMessage => ({
  id,
  every,
  host,
  at: new Date().toISOString(),
});

describe('fan-out through the CHECKS queue', () => {
  it('a tick packs the due checks ten to a message, a host together, and sends them in batches of at most 100 messages', async () => {
    const now = new Date();
    const hosts = ['a.example', 'b.example', 'c.example'];
    const ids = Array.from({ length: 1_005 }, (_, n) => n.toString(16).padStart(16, '0'));
    // Interleaved hosts, as the due index lists them (by id).
    for (const [n, id] of ids.entries()) await putDue(env.REDLINE, keys.due(15, 0, id), hosts[n % 3]);
    const checks = recordingQueue<CheckPack>();
    const report = await runTick({ ...env, CHECKS: checks.queue }, settings({ fanout: 'auto', maxPerHostPerTick: 1000 }), now);
    expect(report).toMatchObject({ due: 1_005, queued: 1_005, carried: 0 });
    // ceil(1,005 / 10) = 101 messages: one sendBatch of 100 and one of 1.
    expect(checks.batches.map((b) => b.length)).toEqual([100, 1]);
    const packs = checks.sent();
    expect(packs.slice(0, -1).every((p) => p.checks.length === 10)).toBe(true);
    expect(
      checksIn(packs)
        .map((c) => c.id)
        .sort(),
    ).toEqual(ids);
    // 335 checks a host: each host's checks in at most ceil(335 / 10) + 1 = 35 messages (shared only where two hosts meet).
    for (const host of hosts) expect(packs.filter((p) => p.checks.some((c) => c.host === host)).length).toBeLessThanOrEqual(35);
    expect(packs.filter((p) => new Set(p.checks.map((c) => c.host)).size > 1).length).toBeLessThanOrEqual(hosts.length - 1);
    expect(packs[0]).toEqual({ checks: expect.arrayContaining([{ id: ids[0], every: 15, host: 'a.example' }]), at: now.toISOString(), attempt: 1 });
  });

  it('a tick with 3 due articles sends one message', async () => {
    for (const id of ['a', 'b', 'c'].map((x) => x.repeat(16))) await putDue(env.REDLINE, keys.due(15, 0, id), 'news.example');
    const checks = recordingQueue<CheckPack>();
    await runTick({ ...env, CHECKS: checks.queue }, settings({ fanout: 'auto' }), new Date());
    expect(checks.sent()).toHaveLength(1);
    expect(checks.sent()[0].checks).toHaveLength(3);
  });

  it('the consumer runs the same check and acknowledges it, in the one-check message sent before packing', async () => {
    const { id } = await track('/queue/story', story('Queued story'));
    const result = await consume([{ id: 'm1', body: message(id) }]);
    expect(result.explicitAcks).toEqual(['m1']);
    expect(result.retryMessages).toEqual([]);
    expect((await getArticle(env.REDLINE, id))?.versions).toHaveLength(1);
  });

  it('the consumer runs every check of a packed message and acknowledges it', async () => {
    const tracked = [];
    for (let i = 0; i < 3; i++) tracked.push(await track(`/queue/packed-${i}`, story(`Packed story ${i}`)));
    const result = await consume([{ id: 'k1', body: pack(tracked.map((t) => t.id)) }]);
    expect(result.explicitAcks).toEqual(['k1']);
    expect(result.retryMessages).toEqual([]);
    for (const { id } of tracked) expect((await getArticle(env.REDLINE, id))?.versions).toHaveLength(1);
  });

  it('a packed message with one transient failure: acknowledged, and only the failed check is sent again with the backoff', async () => {
    const good = [await track('/queue/steady-1', story('Steady one')), await track('/queue/steady-2', story('Steady two'))];
    const flaky = await track('/queue/flaky-in-pack', story('Flaky in a pack'));
    await publish('/queue/flaky-in-pack', 'down for maintenance', { status: 502 });
    const again = recordingQueue<CheckPack>();
    const first = await consume([{ id: 'q1', body: pack([good[0].id, flaky.id, good[1].id]) }], { CHECKS: again.queue as never });
    expect(first.explicitAcks).toEqual(['q1']);
    expect(first.retryMessages).toEqual([]);
    for (const { id } of good) expect((await getArticle(env.REDLINE, id))?.versions).toHaveLength(1);
    expect((await getArticle(env.REDLINE, flaky.id))?.lastCheck).toBeNull(); // not recorded while retrying
    expect(again.sent()).toEqual([{ checks: [{ id: flaky.id, every: null, host: '127.0.0.1' }], at: expect.any(String), attempt: 2 }]);
    expect(again.delays).toEqual([30]);

    // The message sent again holds the flaky check alone: a platform retry of it re-runs nothing else.
    const before = await kvSnapshot();
    const second = await consume([{ id: 'q2', body: again.sent()[0] }], { CHECKS: again.queue as never });
    expect(second.retryMessages).toEqual([{ msgId: 'q2', delaySeconds: 60 }]);
    expect(await kvSnapshot()).toEqual(before);
    // Its attempt count travelled in the body: on the fourth, the failure is recorded.
    const last = await consume([{ id: 'q4', body: { ...again.sent()[0], attempt: 3 }, attempts: 2 }]);
    expect(last.explicitAcks).toEqual(['q4']);
    expect((await getArticle(env.REDLINE, flaky.id))?.lastCheck).toMatchObject({ outcome: 'error', status: 502 });
  });

  it('retries a transient failure with exponential backoff and records it only on the last attempt', async () => {
    const { id } = await track('/queue/flaky', story('Flaky story'));
    await publish('/queue/flaky', 'down for maintenance', { status: 502 });
    const before = await kvSnapshot();
    const first = await consume([{ id: 'a1', body: message(id), attempts: 1 }]);
    const third = await consume([{ id: 'a3', body: message(id), attempts: 3 }]);
    expect(first.retryMessages).toEqual([{ msgId: 'a1', delaySeconds: 30 }]);
    expect(third.retryMessages).toEqual([{ msgId: 'a3', delaySeconds: 120 }]);
    expect(await kvSnapshot()).toEqual(before); // nothing recorded while retrying
    const last = await consume([{ id: 'a4', body: message(id), attempts: 4 }]);
    expect(last.explicitAcks).toEqual(['a4']);
    expect((await getArticle(env.REDLINE, id))?.lastCheck).toMatchObject({ outcome: 'error', status: 502 });
  });

  it('sends poison to the dead-letter queue: a message that is not a check, and a check that keeps failing', async () => {
    const dlq = recordingQueue<{ body: unknown; reason: string }>();
    const garbage = await consume([{ id: 'p1', body: 'DROP TABLE articles' }], { CHECKS_DLQ: dlq.queue as never });
    expect(garbage.explicitAcks).toEqual(['p1']);
    expect(dlq.sent()).toMatchObject([{ body: 'DROP TABLE articles', reason: 'not a check message' }]);

    const { id } = await track('/queue/poison', story('Poison'));
    const broken = {
      ...env.REDLINE,
      get: async () => {
        throw new Error('KV is down');
      },
    } as unknown as KVNamespace;
    const early = await consume([{ id: 'p2', body: message(id), attempts: 1 }], { REDLINE: broken, CHECKS_DLQ: dlq.queue as never, CHECK_RUNNER: undefined });
    expect(early.retryMessages).toEqual([{ msgId: 'p2', delaySeconds: 30 }]);
    const late = await consume([{ id: 'p3', body: message(id), attempts: 4 }], { REDLINE: broken, CHECKS_DLQ: dlq.queue as never, CHECK_RUNNER: undefined });
    expect(late.explicitAcks).toEqual(['p3']);
    expect(dlq.sent().at(-1)).toMatchObject({ body: { id }, reason: expect.stringContaining('KV is down') });
  });

  it('a packed message that is not well formed is poison; in a good one, only the check that keeps failing is dead-lettered', async () => {
    const dlq = recordingQueue<{ body: unknown; reason: string }>();
    const badId = { checks: [{ id: 'not-an-id', every: null, host: null }], at: new Date().toISOString(), attempt: 1 };
    const tooMany = pack(Array.from({ length: 101 }, (_, n) => n.toString(16).padStart(16, '0')));
    const poison = await consume(
      [
        { id: 'x1', body: badId },
        { id: 'x2', body: { ...pack(['a'.repeat(16)]), attempt: 0 } },
        { id: 'x3', body: tooMany },
      ],
      { CHECKS_DLQ: dlq.queue as never },
    );
    expect(poison.explicitAcks.sort()).toEqual(['x1', 'x2', 'x3']);
    expect(dlq.sent().map((d) => d.reason)).toEqual(['not a check message', 'not a check message', 'not a check message']);

    const fine = await track('/queue/fine', story('Fine'));
    const { id } = await track('/queue/doomed', story('Doomed'));
    // The doomed article's record cannot be read: its check throws every time.
    const broken = failingReadsOf(id);
    const again = recordingQueue<CheckPack>();
    const last = await consume([{ id: 'x4', body: { ...pack([fine.id, id]), attempt: 4 } }], {
      REDLINE: broken,
      CHECKS: again.queue as never,
      CHECKS_DLQ: dlq.queue as never,
      CHECK_RUNNER: undefined,
    });
    expect(last.explicitAcks).toEqual(['x4']);
    expect(last.retryMessages).toEqual([]);
    expect(again.sent()).toEqual([]);
    expect((await getArticle(env.REDLINE, fine.id))?.versions).toHaveLength(1);
    expect(dlq.sent().at(-1)).toMatchObject({ body: { checks: [{ id }], attempt: 4 }, reason: expect.stringContaining('KV is down for this key') });
  });

  it('without a DLQ binding, the check that keeps failing goes on alone and its message takes the platform route; its neighbour is not run again', async () => {
    const fine = await track('/queue/fine-no-dlq', story('Fine without a DLQ'));
    const { id } = await track('/queue/doomed-no-dlq', story('Doomed without a DLQ'));
    const broken = failingReadsOf(id);
    const again = recordingQueue<CheckPack>();
    const bindings = { REDLINE: broken, CHECKS: again.queue as never, CHECKS_DLQ: undefined, CHECK_RUNNER: undefined };
    const mixed = await consume([{ id: 'y1', body: { ...pack([fine.id, id]), attempt: 4 } }], bindings);
    expect(mixed.explicitAcks).toEqual(['y1']);
    expect(again.sent()).toEqual([{ checks: [{ id, every: null, host: '127.0.0.1' }], at: expect.any(String), attempt: 4 }]);
    // Alone, still failing on its last attempt: retried as it is, until the platform's max_retries moves it to its dead_letter_queue.
    const alone = await consume([{ id: 'y2', body: again.sent()[0] }], bindings);
    expect(alone.retryMessages).toEqual([{ msgId: 'y2', delaySeconds: undefined }]);
    expect(again.sent()).toHaveLength(1);
  });

  it('when the failed checks cannot be sent on, the whole message is retried with the backoff: nothing is lost', async () => {
    const good = await track('/queue/steady-refused', story('Steady, queue refusing'));
    const flaky = await track('/queue/flaky-refused', story('Flaky, queue refusing'));
    await publish('/queue/flaky-refused', 'down for maintenance', { status: 503 });
    const refusing = { sendBatch: () => Promise.reject(new Error('Queue sendBatch failed: Too Many Requests')) };
    const result = await consume([{ id: 'z1', body: pack([good.id, flaky.id]) }], { CHECKS: refusing as never });
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: 'z1', delaySeconds: 30 }]);
    expect((await getArticle(env.REDLINE, good.id))?.versions).toHaveLength(1);
  });
});

describe('inline fallback', () => {
  it('checks at most CHECKS_PER_TICK, carries the rest over, and runs the carried ones first next tick', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await track(`/inline/story-${i}`, story(`Story ${i}`))).id);
    await cronTick(); // first checks: version 1 each
    for (let i = 0; i < 5; i++) await publish(`/inline/story-${i}`, story(`Story ${i}`, 'An update.'));

    const inline = { ...env, CHECKS: undefined };
    const first = await runTick(inline, settings({ checksPerTick: 3 }), new Date());
    expect(first).toMatchObject({ due: 5, checked: 3, changed: 3, carried: 2, queued: 0 });
    const carried = (await getCarried(env.REDLINE)).map((c) => c.id);
    expect(carried).toHaveLength(2);
    const versions = async (id: string) => (await getArticle(env.REDLINE, id))?.versions.length;
    for (const id of carried) expect(await versions(id)).toBe(1);

    const second = await runTick(inline, settings({ checksPerTick: 2 }), new Date());
    expect(second).toMatchObject({ checked: 2, changed: 2 });
    for (const id of carried) expect(await versions(id)).toBe(2);
  });

  it('keeps to the per-host limit (feeds included), carrying the rest over', async () => {
    const due = ['a', 'b', 'c', 'd', 'e'].map((x, n) => ({ id: x.repeat(16), host: n < 4 ? 'busy.example' : 'quiet.example', every: 15 }));
    const { run, later } = pickForTick(due, 40, 2, new Map([['busy.example', 1]]));
    expect(run.map((c) => c.id[0])).toEqual(['a', 'e']);
    expect(later.map((c) => c.id[0])).toEqual(['b', 'c', 'd']);

    for (let i = 0; i < 4; i++) await track(`/polite/story-${i}`, story(`Polite ${i}`));
    const report = await runTick({ ...env, CHECKS: undefined }, settings({ maxPerHostPerTick: 2 }), new Date());
    expect(report).toMatchObject({ checked: 2 });
  });
});

describe('conditional requests', () => {
  it('sends the stored validators and takes a 304 as unchanged: no parse, no write', async () => {
    const { id, url } = await track('/conditional/story', story('Conditional story'));
    await publish('/conditional/story', story('Conditional story'), { headers: { etag: '"v1"', 'last-modified': 'Tue, 10 Nov 2026 10:00:00 GMT' } });
    await cronTick();
    expect((await getArticle(env.REDLINE, id))?.versions[0]).toMatchObject({ etag: '"v1"', lastModified: 'Tue, 10 Nov 2026 10:00:00 GMT' });

    // The page changed, but the server says 304: Redline trusts it and reads nothing.
    await publish('/conditional/story', story('Conditional story', 'A change the server did not report.'));
    const asked: Record<string, string | null>[] = [];
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      asked.push({ 'if-none-match': headers.get('if-none-match'), 'if-modified-since': headers.get('if-modified-since') });
      if (headers.get('if-none-match') === '"v1"') return new Response(null, { status: 304 });
      return fetch(input, init);
    }) as typeof fetch;
    const before = await kvSnapshot();
    const outcome = await checkDue(env, settings(), { id, every: 15, host: new URL(url).hostname }, new Date(), { fetcher });
    expect(outcome).toEqual({ changed: false, version: null, error: null });
    expect(asked).toEqual([{ 'if-none-match': '"v1"', 'if-modified-since': 'Tue, 10 Nov 2026 10:00:00 GMT' }]);
    expect(await kvSnapshot()).toEqual(before);
  });

  it("runCheck hands a check to its article's CheckRunner object, an invocation of its own", async () => {
    expect(env.CHECK_RUNNER).toBeDefined();
    const { id } = await track('/runner/story', story('Checked in its own call'));
    const outcome = await runCheck(env, settings(), { id, every: null, host: '127.0.0.1' }, new Date());
    expect(outcome).toMatchObject({ changed: true, version: 1 });
    const direct = await env.CHECK_RUNNER!.get(env.CHECK_RUNNER!.idFromName(id)).check({ id, every: null, host: '127.0.0.1' }, new Date().toISOString(), false);
    expect(direct).toEqual({ changed: false, version: null, error: null });
  });
});
