/**
 * `npm run dev`: `wrangler dev` on 127.0.0.1:8787 with local state under .wrangler/state and the
 * cron reachable at /__scheduled, and nothing sent to Cloudflare. Extra arguments go to wrangler
 * as they are; one that names a default flag replaces it, so `npm run dev -- --port 8899` (or
 * `--port=8899`, `--ip 0.0.0.0`, `--persist-to DIR`) works instead of passing the flag twice.
 *
 *   npm run dev -- --port 8899 --var ADMIN_TOKEN:secret --var ALLOW_PRIVATE_URLS:true
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Defaults, each a flag with its value (or none): dropped when the user names the same flag. */
const DEFAULTS: [string, string | null][] = [
  ['--ip', '127.0.0.1'],
  ['--port', '8787'],
  ['--persist-to', '.wrangler/state'],
  ['--test-scheduled', null],
];

/** The flag names in `args` ("--port 1", "--port=1" and "--no-test-scheduled" all name their flag). */
function flagsNamed(args: readonly string[]): Set<string> {
  return new Set(args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0].replace(/^--no-/, '--')));
}

function wranglerArgs(userArgs: readonly string[]): string[] {
  const named = flagsNamed(userArgs);
  const defaults = DEFAULTS.filter(([flag]) => !named.has(flag)).flatMap(([flag, value]) => (value === null ? [flag] : [flag, value]));
  return ['dev', ...defaults, ...userArgs];
}

const child = spawn(join(ROOT, 'node_modules', '.bin', 'wrangler'), wranglerArgs(process.argv.slice(2)), {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
});
// Ctrl-C reaches wrangler through the terminal; a kill sent to this process alone is passed on.
for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
