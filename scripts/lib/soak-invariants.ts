/**
 * What must hold after a soak (scripts/soak.ts), each checked against the running Worker through
 * the paths a reader, a client and a receiver use: the API, the pages, the feeds, the webhook
 * receivers, an export, and (BENCH_METRICS only) GET /__writer/:id for each article's object.
 */
import { isDeepStrictEqual } from 'node:util';
import { Parser } from 'htmlparser2';
import { changeGuid } from '../../src/changes/links';
import { readFeedXml } from '../../test/feed-reader';
import type { SoakClient } from './soak-client';

export interface Invariant {
  name: string;
  violations: string[];
}

type Line = Record<string, any>;
export interface ExportView {
  articles: Line[];
  versions: Map<string, Line[]>;
  changes: Line[];
}

export function readExport(ndjson: string): ExportView {
  const lines = ndjson
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
  const versions = new Map<string, Line[]>();
  for (const l of lines) if (l.type === 'version') versions.set(l.id, [...(versions.get(l.id) ?? []), l.version]);
  return {
    articles: lines.filter((l) => l.type === 'article').map((l) => l.article),
    versions,
    changes: lines.filter((l) => l.type === 'change').map((l) => l.change),
  };
}

/** Records of an export, canonical and sorted, header left out: two exports compare by content. */
export function exportRecords(ndjson: string): string[] {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return ndjson
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .filter((l) => l.type !== 'redline-export')
    .map((l) => JSON.stringify(canonical(l)))
    .sort();
}

const keep = (list: string[], text: string) => {
  if (list.length < 8) list.push(text);
  else if (list.length === 8) list.push('...');
};

/** Versions 1..n, each once, each readable through the API as the record lists it. */
export async function versionsContiguous(client: SoakClient, view: ExportView): Promise<Invariant> {
  const violations: string[] = [];
  for (const article of view.articles) {
    const listed = article.versions.map((v: Line) => v.n);
    if (
      !isDeepStrictEqual(
        listed,
        listed.map((_: number, i: number) => i + 1),
      )
    )
      keep(violations, `${article.id}: versions ${listed.join(',')}`);
    const exported = (view.versions.get(article.id) ?? []).map((v) => v.n).sort((a, b) => a - b);
    if (!isDeepStrictEqual(exported, listed))
      keep(violations, `${article.id}: exported versions ${exported.join(',')} but the record lists ${listed.join(',')}`);
    for (const summary of article.versions) {
      const version = await client.json<Line>('GET', `/api/v1/articles/${article.id}/versions/${summary.n}`);
      if (!version || version.title !== summary.title || version.fetchedAt !== summary.fetchedAt)
        keep(violations, `${article.id}: version ${summary.n} not readable as listed`);
    }
  }
  const seqs = view.changes.map((c) => `${c.id}:${c.seq}`);
  if (new Set(seqs).size !== seqs.length) keep(violations, 'a change seq appears twice');
  return { name: 'versions contiguous and unique', violations };
}

/** Each article's Durable Object holds the record KV publishes, and the latest version's text. */
export async function kvAndObjectsAgree(client: SoakClient, view: ExportView): Promise<Invariant> {
  const violations: string[] = [];
  for (const article of view.articles) {
    const kv = await client.json<Line>('GET', `/api/v1/articles/${article.id}`);
    const held = await client.json<{ record: Line; latestText: string | null; unpublished: boolean }>('GET', `/__writer/${article.id}`);
    if (!kv || !held) {
      keep(violations, `${article.id}: ${kv ? 'the object' : 'KV'} has no record`);
      continue;
    }
    if (held.unpublished) keep(violations, `${article.id}: the object still has a publication pending`);
    if (!isDeepStrictEqual(held.record, kv))
      keep(
        violations,
        `${article.id}: KV and the object differ (versions ${kv.versions.length} vs ${held.record.versions.length}, lastCheck ${kv.lastCheck?.at} vs ${held.record.lastCheck?.at})`,
      );
    const last = kv.versions.at(-1);
    if (last) {
      const version = await client.json<Line>('GET', `/api/v1/articles/${article.id}/versions/${last.n}`);
      if (version?.text !== held.latestText) keep(violations, `${article.id}: the object's latest text is not version ${last.n}'s`);
    }
  }
  return { name: 'KV and the Durable Objects agree', violations };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements HTML lets a page leave open (closed by the next one, or by their parent's end). */
const IMPLIED_CLOSE_OK = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot']);

/** Well-formed enough: a doctype, one html/head/body, and every other element closed where it should be. */
export function htmlProblems(page: string): string[] {
  const problems: string[] = [];
  if (!/^\s*<!doctype html>/i.test(page)) problems.push('no <!doctype html>');
  if (!/<\/html>\s*$/i.test(page)) problems.push('does not end with </html>');
  const counts = new Map<string, number>();
  const parser = new Parser(
    {
      onopentag: (name) => counts.set(name, (counts.get(name) ?? 0) + 1),
      onclosetag: (name, implied) => {
        if (implied && !VOID.has(name) && !IMPLIED_CLOSE_OK.has(name) && !['html', 'body', 'head'].includes(name)) problems.push(`<${name}> left open`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(page);
  parser.end();
  for (const name of ['html', 'head', 'body']) if (counts.get(name) !== 1) problems.push(`${counts.get(name) ?? 0} <${name}> elements`);
  return problems;
}

/** Every page answers 200 (or 404 for what does not exist) and is well-formed HTML. */
export async function pagesParse(client: SoakClient, view: ExportView, site: string): Promise<Invariant> {
  const violations: string[] = [];
  const paths = ['/', `/sites/${site}`, '/api/docs', '/articles/0000000000000000', '/articles/0000000000000000/diff/1/2'];
  for (const article of view.articles) {
    paths.push(`/articles/${article.id}`);
    if (article.versions.length) paths.push(`/articles/${article.id}/versions/${article.versions.length}`);
  }
  for (const change of view.changes)
    if (change.from !== change.to)
      paths.push(`/articles/${change.id}/diff/${change.from}/${change.to}`, `/articles/${change.id}/diff/${change.from}/${change.to}?view=side`);
  for (const path of paths) {
    const { status, text, headers } = await client.call('GET', path, { ok: [200, 404], auth: false });
    const isHtml = headers.get('content-type')?.includes('text/html');
    if (status !== 200 && status !== 404) keep(violations, `${path}: ${status}`);
    else if (status === 200 && !isHtml) keep(violations, `${path}: answered ${headers.get('content-type')}`);
    else if (isHtml) for (const problem of htmlProblems(text)) keep(violations, `${path}: ${problem}`);
  }
  return { name: `every page answers 200 or 404 and parses (${paths.length} pages)`, violations };
}

/** Every feed answers 200 (or 404) and reads: RSS and Atom strictly (test/feed-reader.ts), JSON Feed 1.1. */
export async function feedsParse(client: SoakClient, view: ExportView, site: string): Promise<Invariant> {
  const violations: string[] = [];
  const bases = ['', `/sites/${site}`, '/sites/nowhere.example', ...view.articles.map((a) => `/articles/${a.id}`)];
  let count = 0;
  for (const base of bases) {
    for (const query of ['', '?kind=spelling']) {
      for (const ext of ['xml', 'atom', 'json']) {
        const path = `${base}/feed.${ext}${query}`;
        count++;
        const { status, text } = await client.call('GET', path, { ok: [200, 404], auth: false });
        if (status === 404) continue;
        if (status !== 200) {
          keep(violations, `${path}: ${status}`);
          continue;
        }
        if (ext === 'json') {
          try {
            const feed = JSON.parse(text);
            if (feed.version !== 'https://jsonfeed.org/version/1.1' || !Array.isArray(feed.items) || feed.items.some((i: Line) => typeof i.id !== 'string'))
              keep(violations, `${path}: not a JSON Feed 1.1`);
          } catch {
            keep(violations, `${path}: not JSON`);
          }
          continue;
        }
        const read = readFeedXml(text);
        if (read.bozo) keep(violations, `${path}: ${read.error}`);
      }
    }
  }
  return { name: `every feed answers 200 or 404 and parses (${count} feeds)`, violations };
}

export interface Receipt {
  contentType: string | undefined;
  body: unknown;
}

/** Every change reached each receiver at least once, with the id a receiver drops repeats by. */
export function webhooksDelivered(view: ExportView, receivers: Map<string, Receipt[]>): Invariant[] {
  const delivered: string[] = [];
  const ids: string[] = [];
  for (const [name, receipts] of receivers) {
    const byId = new Map<string, Line>();
    for (const receipt of receipts) {
      const body = receipt.body as Line | null;
      if (!body || typeof body.id !== 'string') {
        keep(ids, `${name}: a message without an id`);
        continue;
      }
      const earlier = byId.get(body.id);
      if (earlier && (earlier.change.seq !== body.change?.seq || earlier.change.id !== body.change?.id)) keep(ids, `${name}: id ${body.id} names two changes`);
      byId.set(body.id, body);
    }
    for (const change of view.changes)
      if (!byId.has(changeGuid(change as Parameters<typeof changeGuid>[0]))) keep(delivered, `${name} never got ${change.id}/${change.seq} (${change.event})`);
  }
  return [
    { name: 'every change delivered to each webhook at least once', violations: delivered },
    { name: 'every webhook message has an id that names one change', violations: ids },
  ];
}

/** Nothing lost: every version a check reported, every article tracked, every change listed by the API. */
export async function nothingLost(client: SoakClient, view: ExportView, claimed: Map<string, number>, tracked: Set<string>): Promise<Invariant> {
  const violations: string[] = [];
  const articles = new Map(view.articles.map((a) => [a.id, a]));
  for (const id of tracked) if (!articles.has(id)) keep(violations, `article ${id} was tracked and is gone`);
  for (const [id, n] of claimed)
    if ((articles.get(id)?.versions.length ?? 0) < n)
      keep(violations, `a check reported version ${n} of ${id}; the record has ${articles.get(id)?.versions.length ?? 0}`);
  const listed = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { changes: Line[]; cursor: string | null } | null = await client.json(
      'GET',
      `/api/v1/changes?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (!page) break;
    for (const c of page.changes) listed.add(`${c.id}:${c.seq}`);
    cursor = page.cursor;
  } while (cursor);
  const stored = new Set(view.changes.map((c) => `${c.id}:${c.seq}`));
  for (const key of stored) if (!listed.has(key)) keep(violations, `change ${key} is stored but not listed by /api/v1/changes`);
  for (const key of listed) if (!stored.has(key)) keep(violations, `change ${key} is listed but not stored`);
  return { name: 'nothing lost (versions reported, articles tracked, changes listed)', violations };
}
