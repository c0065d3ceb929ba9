/**
 * The adaptive schedule: tiers by age, a change sends an article back to frequent checks, checks
 * stop after the last tier, all of it configurable; and the due index, which lets a tick read
 * only what is due however many articles are tracked.
 */
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../src/check/hash';
import type { CheckPack } from '../../src/cron/check-message';
import { runTick } from '../../src/cron/tick';
import { DEFAULT_SCHEDULE, parseSchedule } from '../../src/settings';
import { checkDue } from '../../src/cron/check-due';
import { checksPerLifetime, dueSlots, placementOf, slotOf, tickNumber, tierFor, ticksPerInterval } from '../../src/schedule/tiers';
import { putDue } from '../../src/store';
import { keys } from '../../src/store/keys';
import { cronTick, kvSnapshot, post, publish } from '../helpers';
import { checksIn, countingKv, dueKeysOf, intervalOf, recordingQueue, settings, story, track, wipe } from './scale-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('tiers', () => {
  const schedule = parseSchedule(undefined);
  const everyAt = (ageMs: number) => tierFor(schedule, 0, ageMs)?.everyMinutes ?? null;

  it('checks every 15 minutes for 3 hours, hourly to a day, every 3 hours to a week, daily to 30 days, then stops', () => {
    expect(DEFAULT_SCHEDULE).toBe('15m<3h,1h<1d,3h<7d,1d<30d');
    expect(everyAt(0)).toBe(15);
    expect(everyAt(2.9 * HOUR)).toBe(15);
    expect(everyAt(3 * HOUR)).toBe(60);
    expect(everyAt(23 * HOUR)).toBe(60);
    expect(everyAt(2 * DAY)).toBe(180);
    expect(everyAt(10 * DAY)).toBe(1440);
    expect(everyAt(30 * DAY)).toBe(null);
    expect(Math.round(checksPerLifetime(schedule))).toBe(12 + 21 + 48 + 23);
  });

  it('is configurable, a last tier without an end never stops, and a bad value falls back to the default', () => {
    expect(parseSchedule('30m<2h,6h')).toEqual([
      { everyMinutes: 30, untilMinutes: 120 },
      { everyMinutes: 360, untilMinutes: null },
    ]);
    expect(tierFor(parseSchedule('30m<2h,6h'), 0, 400 * DAY)?.everyMinutes).toBe(360);
    expect(parseSchedule('every now and then')).toEqual(parseSchedule(undefined));
    expect(parseSchedule('1h<2h,15m<1h')).toEqual(parseSchedule(undefined)); // tiers must end later and later
    expect(parseSchedule(undefined, '60')).toEqual([{ everyMinutes: 60, untilMinutes: null }]);
  });

  it('spreads a tier over its ticks by id, and a tick lists one slot per interval', () => {
    const ids = Array.from({ length: 400 }, (_, i) =>
      i
        .toString(16)
        .padStart(16, '0')
        .replace(/^0{8}/, ((i * 2654435761) % 2 ** 32).toString(16).padStart(8, '0')),
    );
    const perSlot = new Array(ticksPerInterval(180)).fill(0);
    for (const id of ids) perSlot[slotOf(id, 180)]++;
    expect(Math.max(...perSlot) - Math.min(...perSlot)).toBeLessThan(30);
    const at = new Date(Date.UTC(2026, 0, 1, 5, 15));
    expect(dueSlots(parseSchedule(undefined), at)).toEqual([
      { everyMinutes: 15, slot: 0 },
      { everyMinutes: 60, slot: tickNumber(at) % 4 },
      { everyMinutes: 180, slot: tickNumber(at) % 12 },
      { everyMinutes: 1440, slot: tickNumber(at) % 96 },
    ]);
  });
});

describe('an article through the schedule', () => {
  beforeEach(wipe);

  it('ages into slower tiers, goes back to every 15 minutes when it changes, and stops after 30 days', async () => {
    const { id, url } = await track('/schedule/aging', story('Council expands bus network'));
    expect((await dueKeysOf(id)).map(intervalOf)).toEqual([15]);
    const start = Date.now();
    await cronTick(new Date(start));
    const host = new URL(url).hostname;

    // Four hours on, an unchanged check notices the boundary: the article moves to the hourly tier.
    let outcome = await checkDue(env, settings(), { id, every: 15, host }, new Date(start + 4 * HOUR));
    expect(outcome).toMatchObject({ changed: false, error: null });
    expect((await dueKeysOf(id)).map(intervalOf)).toEqual([60]);

    // Inside a tier nothing moves: the check reads the record and writes nothing.
    const before = await kvSnapshot();
    outcome = await checkDue(env, settings(), { id, every: 60, host }, new Date(start + 5 * HOUR));
    expect(outcome).toMatchObject({ changed: false, error: null });
    expect(await kvSnapshot()).toEqual(before);

    // A change: a new version, and back to every 15 minutes.
    await publish('/schedule/aging', story('Council expands bus network', 'The mayor welcomed the vote.'));
    outcome = await checkDue(env, settings(), { id, every: 60, host }, new Date(start + 6 * HOUR));
    expect(outcome).toMatchObject({ changed: true, version: 2 });
    expect((await dueKeysOf(id)).map(intervalOf)).toEqual([15]);

    // Past the last tier the article leaves the index: no tick lists it any more.
    await checkDue(env, settings(), { id, every: 15, host }, new Date(Date.now() + 31 * DAY));
    expect(await dueKeysOf(id)).toEqual([]);
  });

  it('follows a configured schedule', () => {
    const schedule = parseSchedule('30m<1h,2h');
    const record = { id: '00000000000000ab', active: true, createdAt: new Date(0).toISOString(), versions: [] } as never;
    expect(placementOf(record, schedule, 20 * 60_000)).toEqual({ everyMinutes: 30, slot: slotOf('00000000000000ab', 30) });
    expect(placementOf(record, schedule, 400 * DAY)?.everyMinutes).toBe(120);
    expect(dueSlots(schedule, new Date(0)).map((s) => s.everyMinutes)).toEqual([30, 120]);
  });

  it('an untracked article leaves the index', async () => {
    const { id } = await track('/schedule/untracked', story('Soon untracked'));
    await env.ARTICLE_WRITER.get(env.ARTICLE_WRITER.idFromName(id)).untrack(id, new Date().toISOString());
    expect(await dueKeysOf(id)).toEqual([]);
  });
});

describe('the due index', () => {
  beforeEach(wipe);

  /** Runs a tick through a queue recorder and counts KV calls; returns the counts and the ids sent. */
  async function tickCounting(at: Date) {
    const { kv, counts } = countingKv(env.REDLINE);
    const checks = recordingQueue<CheckPack>();
    await runTick({ ...env, REDLINE: kv, CHECKS: checks.queue as never }, settings({ fanout: 'queue' }), at);
    return {
      counts,
      sent: checksIn(checks.sent())
        .map((m) => m.id)
        .sort(),
      hosts: checksIn(checks.sent()).map((m) => m.host),
    };
  }

  it('a tick reads only due ids: its KV calls do not grow with tracked articles that are not due', async () => {
    const at = new Date(Date.UTC(2026, 2, 1, 12, 0));
    const tick = tickNumber(at);
    const notDueSlot = (tick + 1) % 96;
    const id = (n: number) => n.toString(16).padStart(16, '0');
    const due = [id(1), id(2), id(3)];
    for (const d of due) await putDue(env.REDLINE, keys.due(1440, tick % 96, d), 'news.example');

    for (let n = 100; n < 110; n++) await putDue(env.REDLINE, keys.due(1440, notDueSlot, id(n)), 'news.example');
    const small = await tickCounting(at);
    for (let n = 110; n < 1_110; n++) await putDue(env.REDLINE, keys.due(1440, notDueSlot, id(n)), 'news.example');
    const large = await tickCounting(at);

    expect(small.sent).toEqual(due);
    expect(large.sent).toEqual(due);
    expect(large.counts).toEqual(small.counts);
    // One list per interval (4): pending markers and sources come from the agenda; one get: the carry-over list.
    expect(large.counts.list).toBe(4);
    expect(large.counts.get).toBe(1);
  });

  it('newly tracked articles and due feeds cost the tick no get: a pending marker names its host, a feed is read in its SourceReader', async () => {
    const at = new Date(Date.UTC(2026, 2, 1, 12, 0));
    const tracked = [
      await track('/t/pending/one-2026', story('One')),
      await track('/t/pending/two-2026', story('Two')),
      await track('/t/pending/three-2026', story('Three')),
    ];
    const host = new URL(tracked[0].url).hostname;
    const later = await publish('/t/pending/four-2026', story('Four'));
    const feedXml = (links: string[]) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${links.map((l) => `<item><link>${l}</link></item>`).join('')}</channel></rss>`;
    const feed = await publish('/feeds/pending.xml', feedXml(tracked.map((t) => t.url)), { headers: { 'content-type': 'application/xml' } });
    expect((await post('/sources', { url: feed })).status).toBe(201);
    await publish('/feeds/pending.xml', feedXml([later, ...tracked.map((t) => t.url)]), { headers: { 'content-type': 'application/xml' } });

    const { counts, sent, hosts } = await tickCounting(at);
    // The feed was read (its new item is tracked and sent), but not with the tick's KV: the
    // tick's only get is the carry-over list, with three pending articles and one due source.
    expect(counts.get).toBe(1);
    const fourth = articleIdFor(later);
    expect(sent).toEqual([...tracked.map((t) => t.id), await fourth].sort());
    // Hosts come from the markers' metadata, so the per-host limit holds for new articles too.
    expect(new Set(hosts)).toEqual(new Set([host]));
  });
});
