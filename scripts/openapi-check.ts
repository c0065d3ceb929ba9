/**
 * `npm run openapi:check`: the API description as clients see it. Starts Redline (wrangler dev),
 * takes /api/v1/openapi.json as served, and
 *
 * 1. lints it with Redocly's recommended rules (redocly.yaml): any error or warning fails;
 * 2. generates TypeScript types from it with openapi-typescript and compares them with the
 *    committed client types (test/api-client/schema.d.ts) that test/web/api-client.test.ts uses
 *    through openapi-fetch: a difference fails (`-- --write` updates the file instead).
 *
 * Offline: Redocly's telemetry and update check are turned off, and nothing else calls out.
 *   npm run openapi:check              check
 *   npm run openapi:check -- --write   regenerate test/api-client/schema.d.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startRedline } from './lib/redline-dev';

const OUT = join(ROOT, 'artifacts', 'openapi');
const CLIENT_TYPES = join(ROOT, 'test', 'api-client', 'schema.d.ts');
const OFFLINE = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...OFFLINE } });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

async function main(): Promise<number> {
  const write = process.argv.includes('--write');
  mkdirSync(OUT, { recursive: true });
  const redline = await startRedline({ token: 'openapi-token' });
  let document: string;
  try {
    // Served with a fixed origin in `servers`, so the generated types do not depend on the port.
    const response = await fetch(`${redline.origin}/api/v1/openapi.json`);
    if (!response.ok) throw new Error(`/api/v1/openapi.json answered ${response.status}`);
    document = (await response.text()).replaceAll(redline.origin, 'http://127.0.0.1:8787');
  } finally {
    await redline.stop();
  }
  const path = join(OUT, 'openapi.json');
  writeFileSync(path, document);

  // JSON totals to decide, the stylish report for people.
  const stylish = run(join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', path, '--config', join(ROOT, 'redocly.yaml'), '--format', 'stylish']);
  const json = spawnSync(join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', path, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...OFFLINE },
  });
  const totals = (JSON.parse(json.stdout.slice(json.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number } }).totals;
  if (totals.errors || totals.warnings) console.log(stylish.output.trim());
  const clean = totals.errors === 0 && totals.warnings === 0;
  console.log(`redocly lint (recommended rules): ${totals.errors} errors, ${totals.warnings} warnings`);

  const generated = join(OUT, 'schema.d.ts');
  const generator = join(ROOT, 'tools', 'openapi-typescript', 'node_modules', '.bin', 'openapi-typescript');
  const gen = run(generator, [path, '--output', generated]);
  if (gen.status !== 0) {
    console.log(gen.output);
    console.log('openapi-typescript: failed');
    return 1;
  }
  const fresh = readFileSync(generated, 'utf8');
  let current = '';
  try {
    current = readFileSync(CLIENT_TYPES, 'utf8');
  } catch {}
  if (write) {
    mkdirSync(join(ROOT, 'test', 'api-client'), { recursive: true });
    writeFileSync(CLIENT_TYPES, fresh);
    console.log(`openapi-typescript: wrote ${CLIENT_TYPES}`);
  } else if (fresh !== current) {
    console.log(`openapi-typescript: ${CLIENT_TYPES} differs from the types generated from the served document; run npm run openapi:check -- --write`);
    return 1;
  } else {
    console.log('openapi-typescript: the committed client types match the served document');
  }
  return clean ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
