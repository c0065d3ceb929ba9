/**
 * GET /api/v1/export (auth): every article, version, change and source as NDJSON, streamed.
 * POST /api/v1/import (auth): restores an export into an empty namespace. The whole body is
 * checked before anything is written, so a bad line costs nothing: 400 naming the line, 413 past
 * the size cap however the body is sent.
 */
import { Hono } from 'hono';
import { writerFor } from '../check/article-writer';
import { settingsFrom, type Env } from '../settings';
import { getSnapshotGzip, restoreSnapshot, toBase64 } from '../evidence/snapshots';
import { addSource, clearAgenda, exportRecords, ImportLease, isEmpty, markPending, putChange, putVersion, type ExportRecord } from '../store';
import { readIndex } from '../store/read-index';
import { requireAdmin } from './auth';
import { checkLine, checkReferences, ImportRefused, type CheckedImport, type NumberedRecord } from './import-check';
import { BodyNotText, bodyLines, BodyTooLarge } from './ndjson-lines';

export const transfer = new Hono<{ Bindings: Env }>();

/** Largest import accepted in one request. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * The export's records with each version's raw HTML after it (a `snapshot` line, once per
 * distinct hash), when the SNAPSHOTS bucket is bound and holds it.
 */
async function* withSnapshots(records: AsyncGenerator<ExportRecord>, bucket: R2Bucket | undefined): AsyncGenerator<ExportRecord> {
  const sent = new Set<string>();
  for await (const record of records) {
    yield record;
    const sha256 = record.type === 'version' ? record.version.snapshot?.sha256 : undefined;
    if (!bucket || !sha256 || sent.has(sha256)) continue;
    sent.add(sha256);
    const packed = await getSnapshotGzip(bucket, sha256);
    if (packed) yield { type: 'snapshot', sha256, gzip: toBase64(packed) };
  }
}

transfer.get('/export', requireAdmin, (c) => {
  const records = withSnapshots(exportRecords(c.env), c.env.SNAPSHOTS);
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

/**
 * Reads and checks the whole upload before anything is written (src/web/import-check.ts), so a
 * refused import leaves the namespace as it was.
 */
async function readImport(body: ReadableStream<Uint8Array> | null, allowPrivate: boolean): Promise<CheckedImport> {
  const records: NumberedRecord[] = [];
  let first = true;
  for await (const { line, text } of bodyLines(body, MAX_IMPORT_BYTES)) {
    if (!text.trim()) continue;
    const record = checkLine(text, line, first);
    first = false;
    if (record) records.push(record);
  }
  if (first) throw new ImportRefused('the body is empty: send a Redline export (NDJSON)');
  return checkReferences(records, allowPrivate);
}

transfer.post('/import', requireAdmin, async (c) => {
  const tooLarge = () => c.json({ error: `an import is limited to ${MAX_IMPORT_BYTES} bytes` }, 413);
  if (Number(c.req.header('content-length') ?? 0) > MAX_IMPORT_BYTES) return tooLarge();
  let checked: CheckedImport;
  try {
    checked = await readImport(c.req.raw.body, settingsFrom(c.env).allowPrivateUrls);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge();
    if (error instanceof ImportRefused || error instanceof BodyNotText) return c.json({ error: `nothing imported: ${error.message}` }, 400);
    throw error;
  }
  // One import at a time checks that the namespace is empty and writes into it; two started
  // together would otherwise both find it empty and merge.
  const lease = new ImportLease(c.env);
  if (!(await lease.take()))
    return c.json({ error: 'another import is running into this namespace: import restores into an empty one, one import at a time' }, 409);
  try {
    if (!(await isEmpty(c.env.REDLINE))) return c.json({ error: 'this namespace already holds articles or sources: import restores into an empty one' }, 409);
    return c.json({ imported: await writeImport(c.env, checked, lease) }, 201);
  } catch (error) {
    if (error instanceof LeaseLost) return c.json({ error: error.message }, 409);
    throw error;
  } finally {
    // A release that fails costs only the wait until the lease expires.
    await lease.release().catch((error) => console.warn(`import: the lease was not released (${String(error)}); it expires by itself`));
  }
});

class LeaseLost extends Error {}

/** Writes a checked import into the empty namespace, renewing the lease as it goes. */
async function writeImport(env: Env, checked: CheckedImport, lease: ImportLease) {
  const keepLease = async () => {
    if (!(await lease.keep())) throw new LeaseLost('the import stalled past its lease and another import took over: empty the namespace and import again');
  };
  // An empty namespace: whatever the agenda still lists (pending articles, sources) names nothing.
  await clearAgenda(env);
  const counts = { articles: 0, versions: 0, changes: 0, sources: 0 };
  for (const { article, versions, changes } of checked.articles) {
    await keepLease();
    for (const { version } of versions.values()) await putVersion(env.REDLINE, article.id, version);
    for (const { change } of changes.values()) await putChange(env.REDLINE, change);
    counts.versions += versions.size;
    counts.changes += changes.size;
  }
  // Records after: an article becomes visible only once its versions and changes are in place.
  for (const { article, versions } of checked.articles) {
    await keepLease();
    const latest = article.versions.at(-1);
    await writerFor(env, article.id).restore(article, latest ? versions.get(latest.n)!.version.text : null);
    if (article.active && article.versions.length === 0) await markPending(env, article.id, article.site);
    counts.articles++;
  }
  for (const source of checked.sources) {
    await addSource(env, source);
    counts.sources++;
  }
  // Raw HTML, already checked against its hash; without a bucket there is nowhere to keep it.
  let snapshots = 0;
  if (env.SNAPSHOTS) for (const [sha256, packed] of checked.snapshots) if (await restoreSnapshot(env.SNAPSHOTS, sha256, packed)) snapshots++;
  // The read index is rebuilt from what is now in KV (the changes came in without their writers).
  await readIndex(env).rebuild();
  return { ...counts, snapshots };
}
