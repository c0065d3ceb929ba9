/**
 * A real, strict feed reader for the workerd tests, run in Node by the global setup: a local HTTP
 * service that reads a feed's XML and answers what it read as {bozo, error, version, feed, entries}
 * (the shape of python's feedparser, which earlier tests were written against).
 *
 * - Well-formedness: fast-xml-parser's validator (strict XML 1.0: one root, balanced tags,
 *   quoted attributes, no stray `&`). Any error makes the feed `bozo`, as feedparser would.
 * - Reading: feedsmith, a maintained RSS/Atom/JSON Feed parser, gives titles, links, ids and
 *   content as a feed reader shows them (entities decoded once, as XML says: an escaped `&lt;` in
 *   an item's HTML stays text).
 * - The elements RSS 2.0 and Atom 1.0 require are checked too (a channel's title, link and
 *   description; an Atom feed's and entry's id, title and updated), which feedparser does not.
 *
 * With REDLINE_FEEDPARSER=1 (as .ci/run sets when Debian's python3-feedparser is installed),
 * every feed is also read by feedparser and must be well-formed there too: an extra check, never
 * needed to run `npm test`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFeed } from 'feedsmith';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ReadFeed {
  bozo: boolean;
  error: string | null;
  version: string;
  /** Missing values are '' (a reader shows nothing). */
  feed: { title: string; link: string };
  entries: { title: string; link: string; id: string; summary: string; published: string }[];
}

type Node = Record<string, unknown>;
const asList = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);

/** The elements each format requires that are missing from a parsed document, as messages. */
function missingElements(xml: string): string[] {
  const doc = new XMLParser({ ignoreAttributes: true }).parse(xml) as Node;
  const missing: string[] = [];
  const need = (node: Node, names: string[], where: string) => {
    for (const name of names) if (node[name] === undefined || node[name] === '') missing.push(`${where} has no <${name}>`);
  };
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (channel) {
    need(channel, ['title', 'link', 'description'], 'channel');
    asList(channel.item).forEach((item, i) => {
      if (item.title === undefined && item.description === undefined) missing.push(`item ${i + 1} has neither <title> nor <description>`);
    });
  } else if (doc.feed) {
    const feed = doc.feed as Node;
    need(feed, ['id', 'title', 'updated'], 'feed');
    for (const [i, entry] of asList(feed.entry).entries()) need(entry, ['id', 'title', 'updated'], `entry ${i + 1}`);
  } else {
    missing.push('neither an RSS 2.0 <rss><channel> nor an Atom <feed> root');
  }
  return missing;
}

export function readFeedXml(xml: string): ReadFeed {
  const valid = XMLValidator.validate(xml);
  const problems = valid === true ? missingElements(xml) : [`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`];
  try {
    const parsed = parseFeed(xml);
    if (parsed.format === 'rss') {
      const channel = parsed.feed;
      return {
        bozo: problems.length > 0,
        error: problems.join('; ') || null,
        version: 'rss20',
        feed: { title: channel.title ?? '', link: channel.link ?? '' },
        entries: (channel.items ?? []).map((item) => ({
          title: item.title ?? '',
          link: item.link ?? '',
          id: item.guid?.value ?? '',
          summary: item.description ?? '',
          published: item.pubDate ?? '',
        })),
      };
    }
    if (parsed.format === 'atom') {
      const feed = parsed.feed;
      const alternate = (links?: { href?: string; rel?: string }[]) => links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? '';
      return {
        bozo: problems.length > 0,
        error: problems.join('; ') || null,
        version: 'atom10',
        feed: { title: feed.title?.value ?? '', link: alternate(feed.links) },
        entries: (feed.entries ?? []).map((entry) => ({
          title: entry.title?.value ?? '',
          link: alternate(entry.links),
          id: entry.id ?? '',
          summary: entry.content?.value ?? entry.summary?.value ?? '',
          published: entry.published ?? entry.updated ?? '',
        })),
      };
    }
    throw new Error(`not an RSS or Atom feed (${parsed.format})`);
  } catch (error) {
    return { bozo: true, error: [...problems, String(error)].join('; '), version: '', feed: { title: '', link: '' }, entries: [] };
  }
}

const FEEDPARSER = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")) or None, "version": d.version}))
`;

/** Debian's python3-feedparser's verdict on the same XML (only with REDLINE_FEEDPARSER=1). */
function feedparserVerdict(xml: string): Promise<{ bozo: boolean; error: string | null; version: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-c', FEEDPARSER]);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`feedparser failed (${code}): ${err}`))));
    child.stdin.end(xml);
  });
}

async function read(xml: string): Promise<ReadFeed> {
  const result = readFeedXml(xml);
  if (process.env.REDLINE_FEEDPARSER !== '1') return result;
  const second = await feedparserVerdict(xml);
  if (second.bozo) return { ...result, bozo: true, error: [result.error, `feedparser: ${second.error}`].filter(Boolean).join('; ') };
  if (second.version !== result.version) return { ...result, bozo: true, error: `feedparser reads ${second.version}, we read ${result.version}` };
  return result;
}

export async function startFeedReader() {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      read(Buffer.concat(chunks).toString('utf8')).then(
        (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
