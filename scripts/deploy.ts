/**
 * `npm run deploy [-- --plan free|paid]`: Redline on a Cloudflare account in one command, from a
 * fresh clone and `wrangler login`. Safe to run again: it only creates what is missing.
 *
 * 1. checks that wrangler is logged in;
 * 2. Paid plan: finds or creates the queues `[env.paid]` names (wrangler does not create queues);
 * 3. deploys: the KV namespace is wrangler's own provisioning (the binding has no id, so the first
 *    deploy creates it and later deploys find it through the Worker's binding);
 * 4. when the Worker has no ADMIN_TOKEN secret: sets it from $ADMIN_TOKEN, or lets wrangler ask
 *    for it on a terminal, or (no terminal) says how to set it;
 * 5. prints the Worker's URL.
 *
 * Every Cloudflare call goes through the `wrangler` on PATH (npm run puts the project's own first),
 * so the test can put a fake one there that records its calls (test/scripts/deploy.test.ts).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Plan = 'free' | 'paid';

class DeployError extends Error {}

function parsePlan(args: string[]): Plan {
  const at = args.findIndex((a) => a === '--plan' || a.startsWith('--plan='));
  if (at < 0) return 'free';
  const value = args[at].includes('=') ? args[at].slice('--plan='.length) : args[at + 1];
  if (value === 'free' || value === 'paid') return value;
  throw new DeployError(`--plan must be "free" or "paid", not ${JSON.stringify(value ?? '')}`);
}

/** The queues the Paid profile binds, read from wrangler.toml so that file stays the one truth. */
function paidQueues(config: string): string[] {
  const paid = config.slice(config.indexOf('[env.paid]'));
  return [...new Set([...paid.matchAll(/^\s*(?:queue|dead_letter_queue)\s*=\s*"([^"]+)"/gm)].map((m) => m[1]))];
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function wrangler(args: string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync('wrangler', args, {
    encoding: 'utf8',
    ...options,
    env: { ...process.env, WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? 'false', ...options.env },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new DeployError(
      code === 'ENOENT' ? 'wrangler is not installed here: run `npm install` first, then `npm run deploy`' : `wrangler ${args[0]}: ${result.error.message}`,
    );
  }
  return { status: result.status ?? 1, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

const say = (line: string) => console.log(`deploy: ${line}`);

function ensureLoggedIn(): void {
  const who = wrangler(['whoami', '--json']);
  if (who.status !== 0)
    throw new DeployError('wrangler is not logged in to Cloudflare: run `npx wrangler login` (or set CLOUDFLARE_API_TOKEN), then `npm run deploy` again');
  try {
    const email = (JSON.parse(who.stdout) as { email?: string }).email;
    if (email) say(`logged in as ${email}`);
  } catch {
    // older output: logged in is all we need to know
  }
}

function ensureQueue(name: string): void {
  if (wrangler(['queues', 'info', name]).status === 0) {
    say(`queue ${name}: found`);
    return;
  }
  const created = wrangler(['queues', 'create', name]);
  if (created.status !== 0) throw new DeployError(`could not create the queue ${name}:\n${created.stderr || created.stdout}`);
  say(`queue ${name}: created`);
}

/** Deploys with wrangler's own output on the terminal (its prompts too); answers the Worker's URLs. */
function deploy(envArgs: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'redline-deploy-'));
  const output = join(dir, 'wrangler-output.ndjson');
  try {
    const run = wrangler(['deploy', ...envArgs], { stdio: 'inherit', env: { WRANGLER_OUTPUT_FILE_PATH: output } });
    if (run.status !== 0) throw new DeployError('wrangler deploy failed (its message is above)');
    let lines: string[] = [];
    try {
      lines = readFileSync(output, 'utf8').split('\n').filter(Boolean);
    } catch {
      // no output file: no URLs to report
    }
    const entry = lines.map((l) => JSON.parse(l) as { type?: string; targets?: string[] }).find((e) => e.type === 'deploy');
    return entry?.targets ?? [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function hasSecret(envArgs: string[], name: string): boolean {
  const list = wrangler(['secret', 'list', ...envArgs, '--format', 'json']);
  if (list.status !== 0) throw new DeployError(`could not list the Worker's secrets:\n${list.stderr || list.stdout}`);
  const start = list.stdout.indexOf('[');
  const secrets = JSON.parse(start >= 0 ? list.stdout.slice(start) : '[]') as { name: string }[];
  return secrets.some((s) => s.name === name);
}

/** Sets ADMIN_TOKEN when the Worker has none; answers what a user still has to do, or null. */
function ensureAdminToken(envArgs: string[]): string | null {
  if (hasSecret(envArgs, 'ADMIN_TOKEN')) {
    say('ADMIN_TOKEN: set');
    return null;
  }
  const put = ['secret', 'put', 'ADMIN_TOKEN', ...envArgs];
  const fromEnv = process.env.ADMIN_TOKEN;
  if (fromEnv) {
    const run = wrangler(put, { input: fromEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    if (run.status !== 0) throw new DeployError(`could not set ADMIN_TOKEN:\n${run.stderr || run.stdout}`);
    say('ADMIN_TOKEN: set from $ADMIN_TOKEN');
    return null;
  }
  const manual = `npx wrangler secret put ADMIN_TOKEN ${envArgs.join(' ')}`.trim();
  if (process.stdin.isTTY) {
    say('ADMIN_TOKEN is not set: type the bearer token that API mutations will need (wrangler asks)');
    const run = wrangler(put, { stdio: 'inherit' });
    if (run.status === 0) return null;
  }
  return `ADMIN_TOKEN is not set, so every mutating API call answers 503. Set it with \`${manual}\` (it reads the token from the terminal or stdin), or run \`ADMIN_TOKEN=... npm run deploy\`.`;
}

function main(): number {
  try {
    const plan = parsePlan(process.argv.slice(2));
    // The top level of wrangler.toml is the Free profile; naming it (`--env=`) also silences
    // wrangler's warning about an unnamed environment.
    const envArgs = [plan === 'paid' ? '--env=paid' : '--env='];
    say(`plan: ${plan}${plan === 'free' ? ' (no queues: each cron tick checks inline)' : ' (the CHECKS queue fans the checks out)'}`);
    ensureLoggedIn();
    if (plan === 'paid') for (const queue of paidQueues(readFileSync('wrangler.toml', 'utf8'))) ensureQueue(queue);
    const urls = deploy(envArgs);
    const todo = ensureAdminToken(envArgs);
    if (todo) say(todo);
    const url = urls.find((u) => u.startsWith('https://'));
    say(url ? `Redline is running at ${url}` : 'deployed; wrangler named no URL (no workers.dev subdomain or routes?): see the Workers dashboard');
    return 0;
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    console.error(`deploy: ${error.message}`);
    return 1;
  }
}

process.exitCode = main();
