/**
 * A real feed reader for the workerd tests: a local HTTP service that hands a feed's XML to
 * Debian's python3-feedparser (importable from /usr/bin/python3 only) and answers what it read.
 * POST the XML; the answer is {bozo, error, feed, entries} as feedparser saw them.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PARSE = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
  "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")) or None, "version": d.version,
  "feed": {"title": d.feed.get("title"), "link": d.feed.get("link")},
  "entries": [{"title": e.get("title"), "link": e.get("link"), "id": e.get("id"),
               "summary": e.get("summary"), "published": e.get("published")} for e in d.entries],
}))
`;

export function parseFeed(xml: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-c', PARSE]);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`feedparser failed (${code}): ${err}`))));
    child.stdin.end(xml);
  });
}

export async function startFeedReader() {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      parseFeed(Buffer.concat(chunks)).then(
        (json) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
        (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
