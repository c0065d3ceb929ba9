#!/usr/bin/env node
/**
 * A stand-in for `wrangler` that plays a Cloudflare account for test/scripts/deploy.test.ts:
 * it appends each call (arguments and stdin) as a JSON line to $FAKE_WRANGLER_LOG and keeps the
 * account's state (login, queues, the Worker, its secrets) in $FAKE_WRANGLER_STATE, so a second
 * run of the deploy script meets what the first one made.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const statePath = process.env.FAKE_WRANGLER_STATE;
const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : {};
state.queues ??= [];
state.secrets ??= [];
state.kv ??= [];
const stdin = process.stdin.isTTY || args[0] !== 'secret' ? '' : readFileSync(0, 'utf8');
appendFileSync(process.env.FAKE_WRANGLER_LOG, `${JSON.stringify({ args, stdin })}\n`);
const save = () => writeFileSync(statePath, JSON.stringify(state));
/** Prints to stderr and answers a failing exit status. */
const fail = (message) => {
  console.error(message);
  return 1;
};
/** Prints to stdout and answers success. */
const succeed = (message) => {
  console.log(message);
  return 0;
};
const envOf = () => (args.find((a) => a.startsWith('--env=')) ?? '--env=').slice('--env='.length);

function run() {
  const [command, sub, name] = args;
  if (command === 'whoami') {
    // wrangler whoami --json prints this and fails when nobody is logged in.
    if (!state.loggedIn) return fail(JSON.stringify({ loggedIn: false }));
    console.log(JSON.stringify({ loggedIn: true, email: 'editor@example.com', accounts: [] }));
    return 0;
  }
  if (!state.loggedIn) return fail('Not logged in');
  if (command === 'queues' && sub === 'info') return state.queues.includes(name) ? succeed(`Queue Name: ${name}`) : fail(`Queue "${name}" does not exist.`);
  if (command === 'queues' && sub === 'create') {
    if (state.queues.includes(name)) return fail('A queue with this name already exists');
    state.queues.push(name);
    return 0;
  }
  if (command === 'deploy') {
    // What the real one checks before it uploads: queues must exist; KV without an id is provisioned.
    if (envOf() === 'paid' && !['redline-checks', 'redline-checks-dlq'].every((q) => state.queues.includes(q)))
      return fail('Queue "redline-checks" does not exist.');
    if (!state.kv.includes('redline-redline')) state.kv.push('redline-redline');
    state.deployed = true;
    appendFileSync(
      process.env.WRANGLER_OUTPUT_FILE_PATH,
      `${JSON.stringify({ type: 'deploy', version: 1, worker_name: 'redline', targets: ['https://redline.editor.workers.dev'] })}\n`,
    );
    console.log('Deployed redline triggers\n  https://redline.editor.workers.dev');
    return 0;
  }
  if (command === 'secret' && sub === 'list') {
    if (!state.deployed) return fail('Worker "redline" not found.');
    console.log(JSON.stringify(state.secrets.map((s) => ({ name: s, type: 'secret_text' }))));
    return 0;
  }
  if (command === 'secret' && sub === 'put') {
    if (!stdin) return fail('no secret value on stdin');
    if (!state.secrets.includes(name)) state.secrets.push(name);
    return 0;
  }
  console.error(`fake wrangler: unknown command ${args.join(' ')}`);
  return 1;
}

const status = run();
save();
process.exit(status);
