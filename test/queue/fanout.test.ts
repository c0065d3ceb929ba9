/**
 * The check fan-out: a tick sends due ids to CHECKS in batches and the consumer runs the same
 * check; transient failures are retried with backoff before anything is recorded; poison goes
 * to the dead-letter queue. Without a queue the tick checks inline within its budget, carries
 * the rest over, and keeps to the per-host limit. A 304 is an unchanged check with no write.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { runTick } from '../../src/cron/tick';
import type { CheckMessage } from '../../src/cron/check-message';
import { runCheck } from '../../src/cron/check-runner';
import { checkDue } from '../../src/cron/check-due';
import { pickForTick } from '../../src/schedule/pick';
import { getArticle, getCarried, putDue } from '../../src/store';
import { keys } from '../../src/store/keys';
import worker from '../../src/index';
import { cronTick, kvSnapshot, publish } from '../helpers';
import { recordingQueue, settings, story, track, wipe } from '../schedule/scale-helpers';

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

const message = (id: string, host: string | null = '127.0.0.1', every: number | null = null): CheckMessage => ({
  id,
  every,
  host,
  at: new Date().toISOString(),
});

describe('fan-out through the CHECKS queue', () => {
  it('a tick sends the due ids in batches of at most 100, with their tier and host', async () => {
    const now = new Date();
    const ids = Array.from({ length: 250 }, (_, n) => n.toString(16).padStart(16, '0'));
    for (const id of ids) await putDue(env.REDLINE, keys.due(15, 0, id), 'news.example');
    const checks = recordingQueue<CheckMessage>();
    const report = await runTick({ ...env, CHECKS: checks.queue }, settings({ fanout: 'auto', maxPerHostPerTick: 1000 }), now);
    expect(report).toMatchObject({ due: 250, queued: 250, carried: 0 });
    expect(checks.batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(
      checks
        .sent()
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids);
    expect(checks.sent()[0]).toEqual({ id: ids[0], every: 15, host: 'news.example', at: now.toISOString() });
  });

  it('the consumer runs the same check and acknowledges it', async () => {
    const { id } = await track('/queue/story', story('Queued story'));
    const result = await consume([{ id: 'm1', body: message(id) }]);
    expect(result.explicitAcks).toEqual(['m1']);
    expect(result.retryMessages).toEqual([]);
    expect((await getArticle(env.REDLINE, id))?.versions).toHaveLength(1);
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
