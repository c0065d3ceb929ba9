/**
 * Spent quotas and platform errors never break Redline: bindings that throw the way the platform
 * does (a KV allowance spent for the day, an overloaded Durable Object, a queue refusing a batch)
 * are handed to the Worker's real entry. Pages and feeds answer what they can or 503 with
 * Retry-After, never a 500; the cron tick records why and carries its work over.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/settings';
import { api, cronTick, page, post, publish } from '../helpers';
import { trackFoundingStory } from '../feeds/story';
import { getCarryOver } from '../../src/store';
import { agenda } from '../../src/store/agenda';

/** A KV binding whose chosen methods throw as a spent Free allowance does. */
function exhaustedKv(methods: string[]): KVNamespace {
  return new Proxy(env.REDLINE, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (methods.includes(String(property))) return () => Promise.reject(new Error(`KV ${String(property)}() limit exceeded for the day.`));
      return value.bind(target);
    },
  });
}

/** A Durable Object namespace whose objects are all overloaded. */
function overloadedObjects<T extends Rpc.DurableObjectBranded | undefined>(namespace: DurableObjectNamespace<T>): DurableObjectNamespace<T> {
  const failing = () =>
    Promise.reject(Object.assign(new Error('Durable Object is overloaded. Too many requests queued.'), { overloaded: true, retryable: false }));
  const stub = new Proxy({}, { get: () => failing });
  return new Proxy(namespace, { get: (target, property) => (property === 'get' ? () => stub : Reflect.get(target, property).bind(target)) });
}

async function fetchWith(overrides: Partial<Env>, path: string) {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(new Request(`http://redline.test${path}`) as never, { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function tickWith(overrides: Partial<Env>, at = new Date()) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: '*/15 * * * *' }), { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('pages and feeds under platform errors', () => {
  let id: string;
  let site: string;
  beforeAll(async () => {
    const story = await trackFoundingStory('/platform/2016/11/11/russia.html');
    id = story.id;
    site = new URL(story.url).hostname;
  });

  const paths = () => [
    '/',
    '/feed.xml',
    '/feed.json',
    `/articles/${id}`,
    `/articles/${id}/feed.atom`,
    `/articles/${id}/diff/1/2`,
    `/sites/${site}`,
    `/api/v1/articles/${id}`,
    `/api/v1/changes`,
    `/api/v1/sites/${site}`,
    `/api/v1/articles/${id}/diff`,
  ];

  it('with every KV read refused, each page answers 200 from the read index or 503 with Retry-After, never 500', async () => {
    const kv = exhaustedKv(['get', 'getWithMetadata', 'list']);
    const statuses: Record<string, number> = {};
    for (const path of paths()) {
      const response = await fetchWith({ REDLINE: kv }, path);
      statuses[path] = response.status;
      expect([200, 503], path).toContain(response.status);
      if (response.status === 503) expect(Number(response.headers.get('retry-after')), path).toBeGreaterThan(0);
      if (path.startsWith('/api/') && response.status === 503) expect((await response.json<{ error: string }>()).error).toContain('try again');
    }
    // The feeds and the home page need no KV read at all: they still serve.
    expect(statuses['/']).toBe(200);
    expect(statuses['/feed.xml']).toBe(200);
    expect(statuses[`/articles/${id}`]).toBe(503);
  });

  it('with the read index overloaded, pages and feeds answer 503 with Retry-After', async () => {
    for (const path of ['/', '/feed.xml', `/articles/${id}`, `/sites/${site}`, `/api/v1/sites/${site}`]) {
      const response = await fetchWith({ READ_INDEX: overloadedObjects(env.READ_INDEX) }, path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('retry-after'), path).toBeTruthy();
    }
  });

  it('a check whose article writer is overloaded answers 503, not 500', async () => {
    await publish(
      '/platform/2016/11/11/russia.html',
      `<html><body><article><h1>Changed</h1><p>${'A new text for the story. '.repeat(20)}</p></article></body></html>`,
    );
    const ctx = createExecutionContext();
    const response = await worker.fetch!(
      new Request(`http://redline.test/api/v1/articles/${id}/check`, { method: 'POST', headers: { authorization: 'Bearer test-token' } }) as never,
      { ...env, ARTICLE_WRITER: overloadedObjects(env.ARTICLE_WRITER) } as Env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
  });
});

describe('the cron tick under spent quotas', () => {
  it('a tick whose KV lists are refused records why, and the next tick checks what it could not', async () => {
    const url = await publish(
      '/platform/tick-lists',
      `<html><body><article><h1>Tick story</h1><p>${'The harbour authority opened the ferry terminal. '.repeat(8)}</p></article></body></html>`,
    );
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    // Its due slot cannot be listed; its pending marker (in the agenda, no KV list) still makes it due.
    await tickWith({ REDLINE: exhaustedKv(['list']) });
    expect((await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions).toHaveLength(1);
    const home = await (await page('/')).text();
    expect(home).toContain('Background trouble');
    expect(home).toContain('KV list() limit exceeded for the day.');
    expect(home).toContain('carries over to the next tick');
    // The slots it could not list are the next tick's to list.
    expect((await getCarryOver(env.REDLINE)).missed.length).toBeGreaterThan(0);

    await cronTick();
    expect((await getCarryOver(env.REDLINE)).missed).toEqual([]);
  });

  it('a queue that refuses a batch: the checks are carried over, not lost, and the pending markers stay', async () => {
    const url = await publish(
      '/platform/tick-queue',
      `<html><body><article><h1>Queue story</h1><p>${'The council voted to expand the bus network. '.repeat(8)}</p></article></body></html>`,
    );
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    const refusing = {
      sendBatch: () => Promise.reject(new Error('Queue sendBatch failed: Too Many Requests')),
      send: () => Promise.reject(new Error('Queue send failed: Too Many Requests')),
    };
    await tickWith({ FANOUT: 'auto', CHECKS: refusing as never });
    expect((await agenda(env).pending()).map((p) => p.id)).toContain(id);
    expect(await (await page('/')).text()).toContain('Queue sendBatch failed');

    await cronTick();
    expect((await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions).toHaveLength(1);
  });
});
