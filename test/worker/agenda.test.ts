/**
 * The Agenda (src/store/agenda.ts): newly tracked articles and the source listing live in one
 * Durable Object, so a cron tick makes one KV list per schedule interval (the due index) and no
 * other, pending markers cost no KV write or delete, and a deployment that kept them in KV has
 * them imported once. Ticks run through the Worker's real scheduled entry; KV operations are
 * counted by the same BENCH_METRICS counters `npm run bench:quota` reads.
 */
import { createExecutionContext, createScheduledController, env, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { counters, installMetrics } from '../../src/metrics';
import { slotOf, tickNumber, TICK_MINUTES } from '../../src/schedule/tiers';
import { settingsFrom, type Env } from '../../src/settings';
import { agenda } from '../../src/store/agenda';
import { keys } from '../../src/store/keys';
import { api, auth, cronTick, page, post, publish, wipeKv } from '../helpers';
import { story } from '../schedule/scale-helpers';

const TICK_MS = TICK_MINUTES * 60_000;
const rss = (links: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Agenda feed</title>${links.map((l) => `<item><link>${l}</link></item>`).join('')}</channel></rss>`;
const xml = { headers: { 'content-type': 'application/xml' } };

async function tickWith(overrides: Partial<Env>, at = new Date()) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: '*/15 * * * *' }), { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
}

/** A Durable Object namespace whose objects are all overloaded. */
function overloadedObjects<T extends Rpc.DurableObjectBranded | undefined>(namespace: DurableObjectNamespace<T>): DurableObjectNamespace<T> {
  const failing = () =>
    Promise.reject(Object.assign(new Error('Durable Object is overloaded. Too many requests queued.'), { overloaded: true, retryable: false }));
  const stub = new Proxy({}, { get: () => failing });
  return new Proxy(namespace, { get: (target, property) => (property === 'get' ? () => stub : Reflect.get(target, property).bind(target)) });
}

const versionsOf = async (id: string) => (await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions.length;
const pendingIds = async () => (await agenda(env).pending()).map((p) => p.id);
/**
 * Tracking also places an article in the due index, under the 15-minute interval of the default
 * schedule; a tick run on this schedule does not list that interval, so only the article's
 * pending marker can make it due.
 */
const markerOnly = { SCHEDULE: '1h<3d' };
const intervals = () => new Set(settingsFrom(env).schedule.map((tier) => tier.everyMinutes)).size;

async function trackNew(path: string, headline: string) {
  const url = await publish(path, story(headline));
  const response = await post('/articles', { url });
  expect(response.status).toBe(201);
  return { url, id: (await response.json<{ id: string }>()).id };
}

/** What a tick cost, counted inside the Worker. */
async function costOfTick(at = new Date(), overrides: Partial<Env> = {}) {
  const before = { ...counters };
  await tickWith(overrides, at);
  return {
    lists: counters.kvLists - before.kvLists,
    writes: counters.kvWrites - before.kvWrites,
    deletes: counters.kvDeletes - before.kvDeletes,
    agendaCalls: counters.agendaCalls - before.agendaCalls,
  };
}

beforeAll(() => installMetrics({ ...env, BENCH_METRICS: 'true' }));
beforeEach(wipeKv);

describe('a tick and the agenda', () => {
  it('makes exactly one KV list per schedule interval, with articles newly tracked and a source due', async () => {
    await trackNew('/agenda/count/one-2026', 'One');
    await trackNew('/agenda/count/two-2026', 'Two');
    const linked = await publish('/agenda/count/linked-2026', story('Linked'));
    expect((await post('/sources', { url: await publish('/agenda/count/feed.xml', rss([linked]), xml) })).status).toBe(201);

    const tick = await costOfTick();
    expect(intervals()).toBe(4);
    expect(tick.lists).toBe(intervals());
    // The agenda: one call to find what is due, one to clear the markers of what was checked.
    expect(tick.agendaCalls).toBe(2);
    // And the next tick, with nothing newly tracked: the same lists, one agenda call.
    const quiet = await costOfTick(new Date(Date.now() + TICK_MS));
    expect(quiet.lists).toBe(intervals());
    expect(quiet.agendaCalls).toBe(1);
  });

  it('checks a newly tracked article at the next tick; its marker costs no KV write or delete and is gone once checked', async () => {
    const { id } = await trackNew('/agenda/new/story-2026', 'A new story');
    expect(await pendingIds()).toEqual([id]);
    expect((await env.REDLINE.list({ prefix: 'pending:' })).keys).toEqual([]);
    expect(await versionsOf(id)).toBe(0);

    await tickWith(markerOnly);
    expect(await versionsOf(id)).toBe(1);
    expect(await pendingIds()).toEqual([]);
    expect((await env.REDLINE.list({ prefix: 'pending:' })).keys).toEqual([]);
  });

  it('reads a source only in its slot, and checks what it starts tracking in the same tick', async () => {
    const first = await publish('/agenda/slot/first-2026', story('First'));
    const feed = await publish('/agenda/slot/feed.xml', rss([first]), xml);
    const registered = await post('/sources', { url: feed });
    expect(registered.status).toBe(201);
    const { id } = await registered.json<{ id: string }>();
    await cronTick(); // the first article's first check
    const second = await publish('/agenda/slot/second-2026', story('Second'));
    await publish('/agenda/slot/feed.xml', rss([second, first]), xml);

    // Sources every hour: four slots, one of them this source's.
    const hourly = { SOURCE_INTERVAL_MINUTES: '60' };
    const base = tickNumber(Date.now()) + 4;
    const slot = slotOf(id, 60);
    const tickAt = (offset: number) => new Date((base - (base % 4) + offset) * TICK_MS + 1_000);
    for (const offset of [0, 1, 2, 3].filter((o) => o !== slot)) await tickWith(hourly, tickAt(offset));
    const urls = async () => (await (await api('/articles?limit=100')).json<{ articles: { url: string; id: string }[] }>()).articles;
    expect((await urls()).map((a) => a.url)).not.toContain(second);

    await tickWith(hourly, tickAt(slot));
    const found = (await urls()).find((a) => a.url === second);
    expect(found).toBeDefined();
    expect(await versionsOf(found!.id)).toBe(1);
    expect(await pendingIds()).toEqual([]);
    expect(await (await api('/sources', { headers: auth })).json()).toEqual({ sources: [{ id, url: feed, kind: 'rss', tracked: 2, lastError: null }] });
  });
});

describe('a deployment that kept pending markers and sources in KV', () => {
  it('has them imported once by the agenda: the article is checked, the source listed and read, and later ticks list no more', async () => {
    // A deployment from before: an article tracked but not yet checked, its marker a KV key, and
    // a source whose listing is the metadata of its KV record. The agenda is a fresh object.
    const { id, url } = await trackNew('/agenda/old/story-2026', 'An old story');
    const linked = await publish('/agenda/old/linked-2026', story('Linked'));
    const feed = await publish('/agenda/old/feed.xml', rss([linked]), xml);
    const sourceId = '00000000feedbeef';
    await env.REDLINE.put(keys.pending(id), '', { metadata: { h: new URL(url).hostname } });
    await env.REDLINE.put(
      keys.source(sourceId),
      JSON.stringify({
        id: sourceId,
        url: feed,
        kind: 'rss',
        createdAt: new Date().toISOString(),
        etag: null,
        lastModified: null,
        seen: [],
        tracked: 0,
        lastReadAt: null,
        lastError: null,
        retryAt: null,
      }),
      { metadata: { url: feed, kind: 'rss', tracked: 0 } },
    );
    await runInDurableObject(env.AGENDA.get(env.AGENDA.idFromName('global')), async (_object, state) => {
      state.storage.sql.exec('DELETE FROM pending; DELETE FROM sources; DELETE FROM meta;');
    });

    const first = await costOfTick(new Date(), markerOnly);
    expect(await versionsOf(id)).toBe(1);
    const articles = (await (await api('/articles?limit=100')).json<{ articles: { url: string }[] }>()).articles.map((a) => a.url);
    expect(articles).toContain(linked);
    expect(await (await api('/sources', { headers: auth })).json()).toEqual({
      sources: [{ id: sourceId, url: feed, kind: 'rss', tracked: 1, lastError: null }],
    });
    // The import listed both prefixes once, on top of the tick's own list (one interval).
    expect(first.lists).toBe(1 + 2);
    expect(await pendingIds()).toEqual([]);

    const second = await costOfTick(new Date(Date.now() + TICK_MS), markerOnly);
    expect(second.lists).toBe(1);
  });

  it('an import refused by a spent KV list allowance is tried again by the next call', async () => {
    const { id, url } = await trackNew('/agenda/old/refused-2026', 'A refused import');
    await env.REDLINE.put(keys.pending(id), '', { metadata: { h: new URL(url).hostname } });
    await runInDurableObject(env.AGENDA.get(env.AGENDA.idFromName('global')), async (object, state) => {
      state.storage.sql.exec('DELETE FROM pending; DELETE FROM sources; DELETE FROM meta;');
      // The object's own binding refuses lists for this one import.
      const kv = (object as unknown as { env: { REDLINE: KVNamespace } }).env.REDLINE;
      const list = kv.list;
      kv.list = () => {
        kv.list = list;
        return Promise.reject(new Error('KV list() limit exceeded for the day.'));
      };
    });
    await tickWith(markerOnly);
    expect(await versionsOf(id)).toBe(0);
    expect(await (await page('/')).text()).toContain('KV list() limit exceeded for the day.');

    await tickWith(markerOnly);
    expect(await versionsOf(id)).toBe(1);
  });
});

describe('an agenda that fails', () => {
  it('an overloaded agenda: the tick records why, the marker stays, and the next tick checks the new article', async () => {
    const { id } = await trackNew('/agenda/down/story-2026', 'Agenda down');
    await tickWith({ ...markerOnly, AGENDA: overloadedObjects(env.AGENDA) });
    expect(await versionsOf(id)).toBe(0);
    const home = await (await page('/')).text();
    expect(home).toContain('reading the agenda');
    expect(home).toContain('Durable Object is overloaded');
    expect(await pendingIds()).toEqual([id]);

    await tickWith(markerOnly);
    expect(await versionsOf(id)).toBe(1);
    expect(await pendingIds()).toEqual([]);
  });

  it('markers that could not be cleared stay, and cost one more check, not a lost one', async () => {
    const { id } = await trackNew('/agenda/clear/story-2026', 'Clear fails');
    const real = env.AGENDA;
    // The agenda answers what is due, then is overloaded when the tick clears the markers.
    let calls = 0;
    const overloaded = overloadedObjects(real);
    const flaky = new Proxy(real, {
      get: (target, property) =>
        property === 'get'
          ? (objectId: DurableObjectId) => (calls++ === 0 ? target.get(objectId) : overloaded.get(objectId))
          : Reflect.get(target, property).bind(target),
    });
    await tickWith({ ...markerOnly, AGENDA: flaky });
    expect(await versionsOf(id)).toBe(1);
    expect(await pendingIds()).toEqual([id]);
    expect(await (await page('/')).text()).toContain('clearing the markers of checked articles');

    await cronTick();
    expect(await pendingIds()).toEqual([]);
    expect(await versionsOf(id)).toBe(1);
  });
});
