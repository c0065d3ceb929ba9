/**
 * One page through the check's CPU path (extract, normalize, hash) in a fresh process: the first
 * run meets code V8 has not compiled yet, as a check does in a new isolate; then the median of 9
 * warm runs. Prints {"coldMs","warmMs"} (process CPU, user + system). Run by bench-bundle.ts.
 *
 *   node --import tsx scripts/lib/first-check.ts PAGE.html
 */
import { readFileSync } from 'node:fs';
import { versionHash } from '../../src/check/hash';
import { extractArticle } from '../../src/extract';

const html = readFileSync(process.argv[2], 'utf8');
const check = async () => {
  const article = extractArticle(html);
  await versionHash(article.title, article.text, article.byline);
};
const cpu = async () => {
  const start = process.cpuUsage();
  await check();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const coldMs = await cpu();
const warm: number[] = [];
for (let i = 0; i < 9; i++) warm.push(await cpu());
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ coldMs, warmMs: warm[4] }));
