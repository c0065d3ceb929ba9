/**
 * Redline as a user runs it, for the demo and the browser tests: `wrangler dev` on a free port
 * with its own KV state, a token and local URLs allowed, the cron reachable at /__scheduled;
 * and the founding story tracked on a local newsroom. Node only.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNewsroom, type Newsroom } from '../../test/newsroom';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'nyt-2016-ryabkov');
export const STORY_PATH = '/2016/11/11/world/europe/russia-trump-campaign.html';

export const fixture = (name: 'v1' | 'v1-noise' | 'v2') => readFileSync(join(FIXTURES, `${name}.html`));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Redline {
  origin: string;
  token: string;
  state: string;
  /** Calls the JSON API; throws on a status other than `expect`. */
  api<T>(path: string, init?: { method?: string; body?: unknown }, expect?: number[]): Promise<T>;
  /** Runs the cron once, as Cloudflare would every 15 minutes. */
  cron(): Promise<void>;
  stop(options?: { keepState?: boolean }): Promise<void>;
}

/**
 * A copy of what `wrangler dev` builds from (config, src/, scripts/, node_modules linked) in a
 * temporary folder: a Worker run from it is not rebuilt and restarted when a file of the working
 * tree changes during a long run (wrangler dev watches src/; a restart holds every request and
 * answers a non-GET in flight with its own 503). Answers the copy's root and how to remove it.
 */
export function frozenTree(): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'redline-tree-'));
  for (const name of ['wrangler.toml', 'package.json', 'tsconfig.json', 'src', 'scripts']) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(root, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export async function startRedline(
  options: {
    token?: string;
    log?: (text: string) => void;
    timeoutMs?: number;
    vars?: Record<string, string>;
    /** The tree to run (default: this one); see frozenTree(). */
    root?: string;
    /**
     * Waits this long after wrangler's "Ready" with no rebuild begun before answering: wrangler dev
     * builds twice as it starts (its watcher reports src/ changed once) and can restart the Worker
     * just after it first answers, which a request sent then meets as a 503 of wrangler's own.
     */
    settleMs?: number;
  } = {},
): Promise<Redline> {
  const token = options.token ?? 'demo-token';
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'redline-state-'));
  // Started the way a user starts it: `npm run dev -- FLAGS` (scripts/dev.ts), so the demo and the
  // browser run also prove that extra flags, --port and --persist-to included, reach wrangler.
  const args = [
    'run',
    '--silent',
    'dev',
    '--',
    '--port',
    String(port),
    '--persist-to',
    state,
    '--var',
    `ADMIN_TOKEN:${token}`,
    '--var',
    'ALLOW_PRIVATE_URLS:true',
  ];
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push('--var', `${name}:${value}`);
  const child = spawn('npm', args, {
    cwd: options.root ?? ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
    options.log?.(chunk.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const origin = `http://127.0.0.1:${port}`;

  const stop: Redline['stop'] = async ({ keepState = false } = {}) => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone already */
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    if (!keepState) rmSync(state, { recursive: true, force: true });
  };

  const api: Redline['api'] = async (path, init = {}, expect = [200, 201, 204]) => {
    const response = await fetch(`${origin}/api/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (!expect.includes(response.status)) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as never;
  };

  const cron = async () => {
    const response = await fetch(`${origin}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`);
    await response.text();
    if (!response.ok) throw new Error(`/__scheduled answered ${response.status}`);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/api/v1/changes?limit=1`);
      await response.text();
      if (response.ok && (await settled(() => output, options.settleMs ?? 0, deadline))) return { origin, token, state, api, cron, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not answer in time:\n${output}`);
}

/** True once wrangler said it is ready and no rebuild began for `quietMs`; false past the deadline. */
async function settled(output: () => string, quietMs: number, deadline: number): Promise<boolean> {
  if (quietMs <= 0) return true;
  const REBUILD = /restarting build|Reloading local server|Starting local server/g;
  const rebuilds = () => output().match(REBUILD)?.length ?? 0;
  while (Date.now() < deadline) {
    const before = rebuilds();
    if (/Ready on /.test(output())) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (rebuilds() === before) return true;
    } else await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

interface ArticleRecord {
  id: string;
  versions: { n: number }[];
}

/**
 * Runs the cron and waits until the article has `n` versions: with the CHECKS queue bound (as in
 * wrangler.toml) the tick only enqueues, and local queues deliver a batch within 5 s. Answers
 * how the version came: by the cron, or (if it had not within `timeoutMs`) by a direct check.
 */
export async function untilVersions(redline: Redline, id: string, n: number, timeoutMs = 9_000): Promise<'cron' | 'check'> {
  const deadline = Date.now() + timeoutMs;
  await redline.cron();
  while (Date.now() < deadline) {
    const article = await redline.api<ArticleRecord>(`/articles/${id}`);
    if (article.versions.length >= n) return 'cron';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await redline.api(`/articles/${id}/check`, { method: 'POST' });
  const article = await redline.api<ArticleRecord>(`/articles/${id}`);
  if (article.versions.length < n) throw new Error(`article ${id} has ${article.versions.length} versions, expected ${n}`);
  return 'check';
}

export interface FoundingStory {
  newsroom: Newsroom;
  url: string;
  id: string;
}

/**
 * The founding story on a local newsroom: published (v1), tracked and stored by the cron,
 * re-served with fresh boilerplate (no version), then corrected (v2) and stored as version 2.
 */
export async function foundingStory(redline: Redline, say: (line: string) => void = () => {}): Promise<FoundingStory> {
  const newsroom = await startNewsroom();
  newsroom.set(STORY_PATH, fixture('v1'));
  const url = `${newsroom.origin}${STORY_PATH}`;
  say(`newsroom: published the story at ${url}`);
  const article = await redline.api<ArticleRecord>('/articles', { body: { url } });
  say(`redline: tracking it as article ${article.id}`);
  say('redline: running the cron (it queues the new article; the queue delivers within 5 s) ...');
  const by = await untilVersions(redline, article.id, 1);
  say(`redline: ${by === 'cron' ? 'the cron' : 'a check'} stored version 1 (Rybakov)`);
  newsroom.set(STORY_PATH, fixture('v1-noise'));
  const noise = await redline.api<{ changed: boolean }>(`/articles/${article.id}/check`, { method: 'POST' });
  say(`newsroom: re-served the page with new ads and timestamps; redline: ${noise.changed ? 'stored a version (unexpected!)' : 'no new version'}`);
  newsroom.set(STORY_PATH, fixture('v2'));
  say('newsroom: corrected the story (Ryabkov, with a correction notice)');
  await redline.api(`/articles/${article.id}/check`, { method: 'POST' });
  const after = await redline.api<ArticleRecord>(`/articles/${article.id}`);
  if (after.versions.length !== 2) throw new Error(`expected 2 versions after the correction, found ${after.versions.length}`);
  say('redline: stored version 2 and its diff');
  return { newsroom, url, id: article.id };
}
