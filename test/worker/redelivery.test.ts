/**
 * Owed webhook deliveries are sent again by the cron in an invocation of their own, a few at a
 * time, fewest rounds first: a receiver that was down while changes piled up must not take the
 * tick past Workers Free's 50 subrequests (each owed delivery costs up to ten: the change's get,
 * the POST and five redirects, the log, the owed key and its marker). The first test runs the
 * Worker's real scheduled entry against the local newsroom's receiver; subrequests are counted
 * per invocation by the BENCH_METRICS counters `npm run bench:quota` reads.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { installMetrics, peaks, resetPeaks } from '../../src/metrics';
import { OWED_PER_CALL, redeliverWebhooks } from '../../src/notify/redeliver';
import { targetOf, webhookUrls } from '../../src/notify/webhooks';
import { SUBREQUESTS_PER_INVOCATION, type Env } from '../../src/settings';
import { getChange, listOwedDeliveries, putChange, putOwedDelivery } from '../../src/store';
import { trackFoundingStory } from '../feeds/story';
import { publish, wipeKv } from '../helpers';

async function tickWith(overrides: Partial<Env>) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: '*/15 * * * *' }), { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
}

beforeAll(() => installMetrics({ ...env, BENCH_METRICS: 'true' }));
beforeEach(wipeKv);

describe('owed webhook deliveries', () => {
  it('go out from the cron in an invocation of their own, a few a tick, within 50 subrequests', { timeout: 60_000 }, async () => {
    const { id } = await trackFoundingStory('/owed/story');
    const change = (await getChange(env.REDLINE, id, '000002'))!;
    // The Worker's receiver (WEBHOOK_URLS in vitest.config.ts) answers again after twelve changes piled up unsent.
    const [receiver] = webhookUrls(env);
    const seqs = Array.from({ length: 12 }, (_, i) => String(100 + i).padStart(6, '0'));
    for (const seq of seqs) {
      await putChange(env.REDLINE, { ...change, seq });
      await putOwedDelivery(env.REDLINE, { id, seq, target: await targetOf(receiver), attempts: 1 });
    }

    resetPeaks();
    await tickWith({});
    // The tick spent a read and one dispatcher call on them; the redelivery, in its own invocation, sent OWED_PER_CALL.
    expect(peaks.tick).toBeLessThanOrEqual(SUBREQUESTS_PER_INVOCATION);
    expect(peaks.redelivery).toBeLessThanOrEqual(SUBREQUESTS_PER_INVOCATION);
    const owed = async () => (await listOwedDeliveries(env.REDLINE, 100)).map((o) => o.seq);
    expect(await owed()).toEqual(seqs.slice(OWED_PER_CALL));
    const delivered = async () =>
      ((await (await fetch(receiver)).json()) as { body: { change?: { id: string; seq: string } } }[])
        .filter((m) => m.body.change?.id === id)
        .map((m) => m.body.change!.seq);
    expect(await delivered()).toEqual(expect.arrayContaining(seqs.slice(0, OWED_PER_CALL)));

    await tickWith({});
    await tickWith({});
    expect(await owed()).toEqual([]);
    expect((await delivered()).filter((seq) => seqs.includes(seq!)).sort()).toEqual(seqs);
  });

  it('are tried fewest rounds first, so a long backlog to a dead receiver cannot starve', async () => {
    const { id } = await trackFoundingStory('/owed/backlog');
    const dead = await publish('/owed/dead-receiver', 'down', { status: 503, headers: { 'content-type': 'text/plain' } });
    const target = await targetOf(dead);
    for (let i = 0; i < 10; i++) {
      const seq = String(200 + i).padStart(6, '0');
      await putChange(env.REDLINE, { ...(await getChange(env.REDLINE, id, '000002'))!, seq });
      await putOwedDelivery(env.REDLINE, { id, seq, target, attempts: 1 });
    }
    const settings = { REDLINE: env.REDLINE, WEBHOOK_URLS: dead, ALLOW_PRIVATE_URLS: 'true' };
    const rounds = async () => (await listOwedDeliveries(env.REDLINE, 100)).map((o) => o.attempts).sort();
    for (let call = 0; call < 3; call++) expect(await redeliverWebhooks(settings, { backoffMs: [] })).toEqual({ tried: OWED_PER_CALL, delivered: 0 });
    // Twelve tries over ten: every one had its second round before any its third.
    expect(await rounds()).toEqual([...Array(20 - 3 * OWED_PER_CALL).fill(2), ...Array(3 * OWED_PER_CALL - 10).fill(3)]);
  });
});
