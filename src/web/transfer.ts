/**
 * GET /api/v1/export (auth): every article, version and change as NDJSON, streamed.
 * POST /api/v1/import (auth): restores an export into an empty namespace. The whole body is
 * checked before anything is written, so a bad line costs nothing.
 */
import { Hono } from 'hono';
import { writerFor } from '../check/article-writer';
import { readIndex } from '../store/read-index';
import type { Env } from '../env';
import { EXPORT_FORMAT, exportRecords, isEmpty, markPending, putChange, putVersion, type ExportRecord } from '../store';
import { requireAdmin } from './auth';
import { ARTICLE_ID } from './params';

export const transfer = new Hono<{ Bindings: Env }>();

/** Largest import accepted in one request. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

transfer.get('/export', requireAdmin, (c) => {
  const records = exportRecords(c.env.REDLINE);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await records.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="redline-export.ndjson"' },
  });
});

type Parsed = { ok: true; records: ExportRecord[] } | { ok: false; error: string };

export function parseExport(body: string): Parsed {
  const records: ExportRecord[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let record: ExportRecord;
    try {
      record = JSON.parse(lines[i]);
    } catch {
      return { ok: false, error: `line ${i + 1} is not JSON` };
    }
    const problem = checkRecord(record, records.length === 0);
    if (problem) return { ok: false, error: `line ${i + 1}: ${problem}` };
    records.push(record);
  }
  if (records.length === 0) return { ok: false, error: 'the body is empty: send a Redline export (NDJSON)' };
  return { ok: true, records };
}

function checkRecord(record: ExportRecord, first: boolean): string | null {
  if (!record || typeof record !== 'object') return 'not an object';
  if (first) return record.type === EXPORT_FORMAT ? null : `an export starts with a {"type": "${EXPORT_FORMAT}"} line`;
  switch (record.type) {
    case 'article':
      return ARTICLE_ID.test(record.article?.id ?? '') && typeof record.article.url === 'string' && Array.isArray(record.article.versions) ? null : 'malformed article';
    case 'version':
      return ARTICLE_ID.test(record.id ?? '') && Number.isInteger(record.version?.n) && record.version.n > 0 && typeof record.version.text === 'string' ? null : 'malformed version';
    case 'change':
      return ARTICLE_ID.test(record.change?.id ?? '') && typeof record.change.seq === 'string' && /^[\w-]+$/.test(record.change.seq) && record.change.diff ? null : 'malformed change';
    default:
      return `unknown record type ${JSON.stringify((record as { type?: unknown }).type)}`;
  }
}

transfer.post('/import', requireAdmin, async (c) => {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_IMPORT_BYTES) return c.json({ error: `an import is limited to ${MAX_IMPORT_BYTES} bytes` }, 413);
  const parsed = parseExport(await c.req.text());
  if (!parsed.ok) return c.json({ error: parsed.error }, 400);
  if (!(await isEmpty(c.env.REDLINE))) return c.json({ error: 'this namespace already holds articles: import restores into an empty one' }, 409);

  const counts = { articles: 0, versions: 0, changes: 0 };
  const latestText = new Map<string, string>();
  for (const record of parsed.records) {
    if (record.type === 'version') {
      await putVersion(c.env.REDLINE, record.id, record.version);
      latestText.set(record.id, record.version.text);
      counts.versions++;
    } else if (record.type === 'change') {
      await putChange(c.env.REDLINE, record.change);
      counts.changes++;
    }
  }
  // Records last: an article becomes visible only once its versions and changes are in place.
  for (const record of parsed.records) {
    if (record.type !== 'article') continue;
    const { article } = record;
    await writerFor(c.env, article.id).restore(article, latestText.get(article.id) ?? null);
    if (article.active && article.versions.length === 0) await markPending(c.env.REDLINE, article.id);
    counts.articles++;
  }
  // The read index is rebuilt from what is now in KV (the changes came in without their writers).
  await readIndex(c.env).rebuild();
  return c.json({ imported: counts }, 201);
});
