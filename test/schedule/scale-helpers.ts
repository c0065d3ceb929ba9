/** Shared by the scale tests: stories, a KV counter, a queue recorder and due-index probes. */
import { env } from 'cloudflare:test';
import { settingsFrom, type Settings } from '../../src/settings';
import { keys } from '../../src/store/keys';
import { post, publish, wipeKv } from '../helpers';

export function story(headline: string, extra = '', head = '') {
  const paragraphs = [
    'The city council voted on Tuesday to expand the bus network across the northern districts, officials said.',
    'The plan adds twelve routes and extends evening service, which residents had asked for at several public meetings.',
    `Opponents argued that the cost would strain a budget already stretched by repairs to aging bridges and tunnels. ${extra}`,
  ];
  return `<!doctype html><html lang="en"><head><title>${headline} - The Daily Test</title>${head}</head>
<body><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

export async function track(path: string, html: string) {
  const url = await publish(path, html);
  const response = await post('/articles', { url });
  const { id } = await response.json<{ id: string }>();
  return { url, id };
}

export const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...settingsFrom(env), ...overrides });

/** The due-index keys that hold `id` (an article is meant to be under exactly one). */
export async function dueKeysOf(id: string): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.REDLINE.list({ prefix: 'due:', cursor });
    found.push(...page.keys.map((k) => k.name).filter((name) => name.endsWith(`:${id}`)));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return found;
}

export const intervalOf = (key: string) => Number(key.split(':')[1]);

/** Wraps a KV namespace and counts its operations. */
export function countingKv(kv: KVNamespace) {
  const counts = { get: 0, list: 0, put: 0, delete: 0 };
  const proxy = new Proxy(kv, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'get' || property === 'getWithMetadata') counts.get++;
        if (property === 'list') counts.list++;
        if (property === 'put') counts.put++;
        if (property === 'delete') counts.delete++;
        return value.apply(target, args);
      };
    },
  });
  return { kv: proxy, counts };
}

/** A queue producer that records what is sent (bodies by call, and each message's delay). */
export function recordingQueue<T>() {
  const batches: T[][] = [];
  const delays: (number | undefined)[] = [];
  const queue = {
    async send(body: T, options?: QueueSendOptions) {
      batches.push([body]);
      delays.push(options?.delaySeconds);
    },
    async sendBatch(messages: Iterable<MessageSendRequest<T>>) {
      const list = [...messages];
      batches.push(list.map((m) => m.body));
      delays.push(...list.map((m) => m.delaySeconds));
    },
  } as unknown as Queue<T>;
  return { queue, batches, delays, sent: () => batches.flat() };
}

/** The checks in what a recording CHECKS queue was sent (packed several to a message). */
export const checksIn = (bodies: { checks: { id: string; every: number | null; host: string | null }[] }[]) => bodies.flatMap((b) => b.checks);

export const dueKey = keys.due;

/** Deletes every key, so a test starts from an empty namespace. */
export const wipe = wipeKv;
