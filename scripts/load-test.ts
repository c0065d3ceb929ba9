/**
 * `npm run load`: a bounded load test on loopback. Starts Redline under `wrangler dev`, tracks
 * the founding story from a local newsroom and records its correction, then drives the feed,
 * the API and the pages with autocannon (10 connections, 5 s each) and prints requests per
 * second, p99 latency and errors. Sends traffic to 127.0.0.1 only, and stops by itself.
 */
import autocannon from 'autocannon';
import { foundingStory, startRedline } from './lib/redline-dev';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);

console.log('starting wrangler dev…');
const redline = await startRedline();
const story = await foundingStory(redline, (line) => console.log(line));
try {
  const { id } = story;
  const targets = [
    '/feed.xml',
    `/articles/${id}/feed.xml`,
    '/api/v1/changes',
    `/api/v1/articles/${id}`,
    `/api/v1/articles/${id}/diff`,
    '/',
    `/articles/${id}`,
    `/articles/${id}/diff/1/2`,
  ];
  const rows: string[] = [];
  let failures = 0;
  for (const path of targets) {
    process.stdout.write(`load ${path} for ${SECONDS} s… `);
    const result = await autocannon({ url: `${redline.origin}${path}`, connections: CONNECTIONS, duration: SECONDS });
    const errors = result.errors + result.timeouts + result.non2xx;
    failures += errors;
    const row = `${path.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${errors}`;
    console.log('done');
    rows.push(row);
  }
  console.log(`\n${'path'.padEnd(44)}   req/s   latency  errors (${CONNECTIONS} connections, ${SECONDS} s each, wrangler dev on loopback)`);
  for (const row of rows) console.log(row);
  console.log(`${targets.length} endpoints, ${failures} errors`);
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await redline.stop();
  await story.newsroom.close();
}
