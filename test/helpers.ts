/** What the workerd tests share: the newsroom, the feed reader, the Worker's entry and the API. */
import type { ReadFeed } from './feed-reader';
import { createExecutionContext, createScheduledController, env, runInDurableObject, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { expect, inject } from 'vitest';
import worker from '../src/index';
import { writerFor } from '../src/check/article-writer';
import { clearAgenda, getArticle, getVersion, putArticle, putVersion, type ArticleRecord, type VersionSummary } from '../src/store';

export const TOKEN = 'test-token';
export const auth = { authorization: `Bearer ${TOKEN}` };

/** Serves `body` at `path` on the local newsroom (`conditional`: answers 304 like a file server); returns the page's URL. */
export async function publish(
  path: string,
  body: string | Uint8Array,
  options: { status?: number; headers?: Record<string, string>; delayMs?: number; conditional?: boolean } = {},
) {
  const origin = inject('newsroom');
  const response = await fetch(`${origin}/__pages${path}`, {
    method: 'PUT',
    body,
    headers: {
      'x-page-status': String(options.status ?? 200),
      'x-page-headers': JSON.stringify(options.headers ?? {}),
      'x-page-delay-ms': String(options.delayMs ?? 0),
      'x-page-conditional': String(options.conditional ?? false),
    },
  });
  if (response.status !== 204) throw new Error(`newsroom refused the page: ${response.status}`);
  return `${origin}${path}`;
}

/** Reads a feed with a strict feed reader (test/feed-reader.ts), as a subscriber would. */
export async function readFeed(xml: string): Promise<ReadFeed> {
  const response = await fetch(inject('feedReader'), { method: 'POST', body: xml });
  if (!response.ok) throw new Error(await response.text());
  return response.json();
}

export function api(path: string, init: RequestInit = {}) {
  return SELF.fetch(`http://redline.test/api/v1${path}`, init);
}

export function post(path: string, body: unknown, headers: Record<string, string> = auth) {
  return api(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function page(path: string) {
  return SELF.fetch(`http://redline.test${path}`);
}

/** Runs one cron tick through the Worker's real scheduled handler. */
export async function cronTick(at = new Date()) {
  const controller = createScheduledController({ scheduledTime: at, cron: '*/15 * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled!(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Every key and value in KV (but those under `except` prefixes), to prove a step wrote nothing. */
export async function kvSnapshot(except: string[] = []): Promise<Map<string, string | null>> {
  const snapshot = new Map<string, string | null>();
  let cursor: string | undefined;
  do {
    const page = await env.REDLINE.list({ cursor });
    for (const key of page.keys) {
      if (except.some((prefix) => key.name.startsWith(prefix))) continue;
      snapshot.set(key.name, JSON.stringify([await env.REDLINE.get(key.name), key.metadata ?? null]));
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return snapshot;
}

/** Deletes every key (and snapshot) and empties the agenda, so a test starts from an empty deployment. */
export async function wipeKv() {
  await clearAgenda(env);
  let cursor: string | undefined;
  do {
    const listed = await env.REDLINE.list({ cursor });
    await Promise.all(listed.keys.map((k) => env.REDLINE.delete(k.name)));
    cursor = listed.list_complete ? undefined : listed.cursor;
  } while (cursor);
  let more = true;
  while (env.SNAPSHOTS && more) {
    const listed = await env.SNAPSHOTS.list();
    await Promise.all(listed.objects.map((o) => env.SNAPSHOTS?.delete(o.key)));
    more = listed.truncated;
  }
}

/**
 * Rewrites version 1 of an article as an older Redline stored it: `text` under `hash` in KV, its
 * summary in the record as `summary` makes it, and the same in the article's Durable Object.
 */
export async function storeAsOlderRedline(id: string, text: string, hash: string, summary: (s: VersionSummary) => VersionSummary = (s) => s) {
  const record = (await getArticle(env.REDLINE, id)) as ArticleRecord;
  const stored = (await getVersion(env.REDLINE, id, 1))!;
  const older: ArticleRecord = { ...record, versions: [{ ...summary(record.versions[0]), hash }] };
  await putVersion(env.REDLINE, id, { ...stored, text, hash });
  await putArticle(env.REDLINE, older);
  await runInDurableObject(writerFor(env, id), async (_instance, state) => {
    const writer = (await state.storage.get<{ record: ArticleRecord; latestText: string | null }>('state'))!;
    await state.storage.put('state', { ...writer, record: older, latestText: text });
  });
}

/** Tracks `path`, publishes `before` then `after`, checks after each, and returns the article's id after two versions. */
export async function trackTwoVersions(path: string, before: string, after: string): Promise<string> {
  const url = await publish(path, before);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  expect((await (await post(`/articles/${id}/check`, '')).json<{ version: number }>()).version).toBe(1);
  await publish(path, after);
  expect((await (await post(`/articles/${id}/check`, '')).json<{ version: number }>()).version).toBe(2);
  return id;
}
