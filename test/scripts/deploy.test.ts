/**
 * `npm run deploy` against a fake `wrangler` on PATH that records every call and keeps a pretend
 * account between runs (test/scripts/fake-wrangler.mjs). Runs in Node (the `scripts` project in
 * vitest.config.ts): the script spawns processes, which workerd cannot.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-fake-wrangler-'));
  copyFileSync(join(import.meta.dirname, 'fake-wrangler.mjs'), join(dir, 'wrangler'));
  spawnSync('chmod', ['+x', join(dir, 'wrangler')]);
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ loggedIn: true }));
  writeFileSync(join(dir, 'calls.ndjson'), '');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function deploy(args: string[] = [], env: Record<string, string> = {}) {
  const run = spawnSync(TSX, ['scripts/deploy.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ADMIN_TOKEN: '',
      PATH: `${dir}${delimiter}${process.env.PATH}`,
      FAKE_WRANGLER_LOG: join(dir, 'calls.ndjson'),
      FAKE_WRANGLER_STATE: join(dir, 'state.json'),
      ...env,
    },
  });
  const calls = readFileSync(join(dir, 'calls.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { args: string[]; stdin: string });
  writeFileSync(join(dir, 'calls.ndjson'), '');
  return { status: run.status, out: run.stdout + run.stderr, calls: calls.map((c) => c.args.join(' ')), stdin: calls.map((c) => c.stdin) };
}

describe('npm run deploy', () => {
  it('deploys the Free profile with no queues, sets ADMIN_TOKEN from the environment and prints the URL', () => {
    const run = deploy([], { ADMIN_TOKEN: 'newsroom-secret' });
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(['whoami --json', 'deploy --env=', 'secret list --env= --format json', 'secret put ADMIN_TOKEN --env=']);
    expect(run.stdin[3]).toBe('newsroom-secret');
    expect(run.out.trim().split('\n').at(-1)).toBe('deploy: Redline is running at https://redline.editor.workers.dev');
  });

  it('on the Paid profile creates the missing queues before deploying, and a second run creates nothing', () => {
    const first = deploy(['--plan', 'paid'], { ADMIN_TOKEN: 't' });
    expect(first.status).toBe(0);
    expect(first.calls).toEqual([
      'whoami --json',
      'queues info redline-checks',
      'queues create redline-checks',
      'queues info redline-checks-dlq',
      'queues create redline-checks-dlq',
      'deploy --env=paid',
      'secret list --env=paid --format json',
      'secret put ADMIN_TOKEN --env=paid',
    ]);
    const second = deploy(['--plan=paid'], { ADMIN_TOKEN: 'another' });
    expect(second.status).toBe(0);
    expect(second.calls).toEqual([
      'whoami --json',
      'queues info redline-checks',
      'queues info redline-checks-dlq',
      'deploy --env=paid',
      'secret list --env=paid --format json',
    ]);
    expect(second.out).toContain('queue redline-checks: found');
    expect(second.out).toContain('ADMIN_TOKEN: set');
    expect(second.out).toContain('Redline is running at https://redline.editor.workers.dev');
  });

  it('without a terminal or $ADMIN_TOKEN it deploys and says how to set the token', () => {
    const run = deploy();
    expect(run.status).toBe(0);
    expect(run.calls).not.toContain('secret put ADMIN_TOKEN --env=');
    expect(run.out).toContain('ADMIN_TOKEN is not set, so every mutating API call answers 503. Set it with `npx wrangler secret put ADMIN_TOKEN --env=`');
    expect(run.out).toContain('Redline is running at https://redline.editor.workers.dev');
  });

  it('stops before deploying when wrangler is not logged in', () => {
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ loggedIn: false }));
    const run = deploy(['--plan', 'paid']);
    expect(run.status).toBe(1);
    expect(run.calls).toEqual(['whoami --json']);
    expect(run.out).toContain('run `npx wrangler login`');
  });

  it('refuses a plan it does not know, calling nothing', () => {
    const run = deploy(['--plan', 'enterprise']);
    expect(run.status).toBe(1);
    expect(run.calls).toEqual([]);
    expect(run.out).toContain('--plan must be "free" or "paid", not "enterprise"');
  });
});
