/**
 * Without a queue (the Free profile) a tick hands its checks out in groups, each to one
 * CheckDispatcher invocation that runs the group's checks in their CheckRunner objects
 * (src/cron/check-dispatcher.ts): no invocation makes more than Workers Free's 50 subrequests, so
 * a tick is no longer held to about 40 checks. Ticks run through the Worker's real scheduled
 * entry against the local newsroom; subrequests are counted per invocation by the same
 * BENCH_METRICS counters `npm run bench:quota` reads.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { CHECKS_PER_GROUP, inlineBudget, TICK_OWN_SUBREQUESTS } from '../../src/cron/check-dispatcher';
import { runTick } from '../../src/cron/tick';
import worker from '../../src/index';
import { counters, installMetrics, peaks, resetPeaks } from '../../src/metrics';
import { SUBREQUESTS_PER_INVOCATION, settingsFrom, type Env } from '../../src/settings';
import { clearPending, getCarried } from '../../src/store';
import { agenda } from '../../src/store/agenda';
import { api, cronTick, page, post, publish, wipeKv } from '../helpers';
import { story } from '../schedule/scale-helpers';

async function tickWith(overrides: Partial<Env>, at = new Date()) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: '*/15 * * * *' }), { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
}

/** A Durable Object namespace whose first object asked for is overloaded; the others answer. */
function firstOverloaded<T extends Rpc.DurableObjectBranded | undefined>(namespace: DurableObjectNamespace<T>): DurableObjectNamespace<T> {
  let calls = 0;
  const failing = () =>
    Promise.reject(Object.assign(new Error('Durable Object is overloaded. Too many requests queued.'), { overloaded: true, retryable: false }));
  const overloaded = new Proxy({}, { get: () => failing });
  return new Proxy(namespace, {
    get: (target, property) =>
      property === 'get' ? (id: DurableObjectId) => (calls++ === 0 ? overloaded : target.get(id)) : Reflect.get(target, property).bind(target),
  });
}

/** Publishes and tracks `n` stories under `prefix`, each answering after `delayMs`. */
async function trackMany(prefix: string, n: number, delayMs = 0) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const url = await publish(`${prefix}story-${i}`, story(`Story ${i} of ${prefix}`), { delayMs });
    const response = await post('/articles', { url });
    expect(response.status).toBe(201);
    ids.push((await response.json<{ id: string }>()).id);
  }
  return ids;
}

const versionsOf = async (id: string) => (await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions.length;
const versionCounts = async (ids: string[]) => Promise.all(ids.map(versionsOf));
const newsroom = () => inject('newsroom');

beforeAll(() => installMetrics({ ...env, BENCH_METRICS: 'true' }));
beforeEach(wipeKv);

describe('the check budget of a tick without a queue', () => {
  it('is CHECKS_PER_TICK in groups of 40, fewer groups when source reads take the subrequests, one group without dispatchers', () => {
    const settings = settingsFrom(env);
    expect(settings.checksPerTick).toBe(10 * CHECKS_PER_GROUP);
    expect(inlineBudget(env, settings, 0)).toBe(400);
    // Each source read is a subrequest of the tick: 11 own + 34 reads leave room for 5 dispatcher calls.
    expect(inlineBudget(env, settings, 34)).toBe(5 * CHECKS_PER_GROUP);
    expect(TICK_OWN_SUBREQUESTS + 34 + 5).toBe(SUBREQUESTS_PER_INVOCATION);
    expect(inlineBudget(env, settings, 45)).toBe(0);
    expect(inlineBudget(env, { ...settings, checksPerTick: 3 }, 0)).toBe(3);
    // Without the dispatcher binding the tick calls the runners itself: one group's worth, less its reads.
    expect(inlineBudget({ ...env, CHECK_DISPATCHER: undefined }, settings, 5)).toBe(CHECKS_PER_GROUP - 5);
  });
});

describe('a tick without a queue hands its checks to dispatchers', () => {
  it('runs more due checks than one group holds, in several dispatcher invocations, none making more than 50 subrequests, one host at a time', {
    timeout: 90_000,
  }, async () => {
    const prefix = '/dispatch/many/';
    // All on one host (the local newsroom): let the tick take them all, then see it keep to HOST_CONCURRENCY.
    const ids = await trackMany(prefix, CHECKS_PER_GROUP + 5, 20);
    await fetch(`${newsroom()}/__in-flight?prefix=${prefix}`, { method: 'PUT' });
    resetPeaks();
    const before = { ...counters };

    await tickWith({ MAX_PER_HOST_PER_TICK: '200' });

    expect(await versionCounts(ids)).toEqual(ids.map(() => 1));
    expect(await agenda(env).pending()).toEqual([]);
    expect(counters.dispatcherCalls - before.dispatcherCalls).toBe(2);
    expect(counters.dispatches - before.dispatches).toBe(2);
    expect(counters.runnerCalls - before.runnerCalls).toBe(ids.length);
    // Per invocation: the tick's own calls (KV, agenda, two dispatchers) and each dispatcher's runner calls.
    expect(peaks.dispatcher).toBe(CHECKS_PER_GROUP);
    expect(peaks.tick).toBeGreaterThan(2);
    expect(peaks.tick).toBeLessThanOrEqual(SUBREQUESTS_PER_INVOCATION);
    expect(peaks.dispatcher).toBeLessThanOrEqual(SUBREQUESTS_PER_INVOCATION);
    // The groups share the host, so they ran one after another: never more than HOST_CONCURRENCY at once.
    const { peak } = await (await fetch(`${newsroom()}/__in-flight?prefix=${prefix}`)).json<{ peak: number }>();
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(settingsFrom(env).hostConcurrency);
  });

  it('a dispatcher that fails carries its group over and records why; the outcome counts stay those of the checks; the next tick runs the group', {
    timeout: 90_000,
  }, async () => {
    const prefix = '/dispatch/failing/';
    const ids = await trackMany(prefix, CHECKS_PER_GROUP + 10);
    // Scheduled checks, not newly tracked ones (whose markers stay instead): only the due index holds them (the 15-minute tier).
    await clearPending(env, ids);

    const report = await runTick({ ...env, CHECK_DISPATCHER: firstOverloaded(env.CHECK_DISPATCHER) }, settingsFrom(env), new Date());
    // The first group (40) never ran: counted as checks that failed, as a check that threw always was.
    expect(report).toMatchObject({ due: ids.length, checked: ids.length, changed: 10, failed: CHECKS_PER_GROUP, carried: CHECKS_PER_GROUP, queued: 0 });
    expect(report.troubles).toEqual([expect.stringContaining('handing checks to a dispatcher: Durable Object is overloaded')]);
    const after = await versionCounts(ids);
    const waiting = ids.filter((_, n) => after[n] === 0);
    expect(waiting).toHaveLength(CHECKS_PER_GROUP);
    expect((await getCarried(env.REDLINE)).map((c) => c.id).sort()).toEqual([...waiting].sort());
    const home = await (await page('/')).text();
    expect(home).toContain('handing checks to a dispatcher');
    expect(home).toContain('carries over to the next tick');

    await cronTick();
    expect(await versionCounts(ids)).toEqual(ids.map(() => 1));
    expect(await getCarried(env.REDLINE)).toEqual([]);
  });

  it('newly tracked articles in a group whose dispatcher fails keep their markers and are checked by the next tick', async () => {
    const ids = await trackMany('/dispatch/new/', 3);
    await tickWith({ CHECK_DISPATCHER: firstOverloaded(env.CHECK_DISPATCHER) });
    expect(await versionCounts(ids)).toEqual([0, 0, 0]);
    expect((await agenda(env).pending()).map((p) => p.id).sort()).toEqual([...ids].sort());

    await cronTick();
    expect(await versionCounts(ids)).toEqual([1, 1, 1]);
    expect(await agenda(env).pending()).toEqual([]);
  });
});
