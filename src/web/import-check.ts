/**
 * What POST /api/v1/import accepts: an export, checked whole before anything is written. Each line
 * must match the API's own schemas (src/web/openapi-schemas.ts), made strict here so an unknown
 * field is refused rather than stored; then the records must agree with one another: ids derived
 * from their URLs, versions 1..n each present once and hashed as their words hash, every change
 * tied to versions that exist.
 * Every refusal names the line at fault.
 */
import { z } from '@hono/zod-openapi';
import { articleIdFor, firstFormVersionHash, versionHash } from '../check/hash';
import { checkTrackableUrl } from '../net';
import { EXPORT_FORMAT, EXPORT_VERSION, type ArticleRecord, type ChangeRecord, type ExportRecord, type SourceRecord, type VersionRecord } from '../store';
import { fromBase64, gunzip, sha256OfBytes } from '../evidence/snapshots';
import { versionSeq } from '../model/sequence';
import { ArticleSchema, StoredChangeSchema, StoredSourceSchema, StoredVersionSchema } from './openapi-schemas';
import { ARTICLE_ID } from './params';

/**
 * The same schema with every object strict (an unknown field is an error), all the way down.
 * Only the kinds of schema the record schemas use are rebuilt; the rest are kept as they are.
 */
export function strictly(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject)
    return z.strictObject(Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, v]) => [k, strictly(v)])));
  if (schema instanceof z.ZodOptional) return strictly(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return strictly(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodArray) {
    const max = (schema._zod.bag as { maximum?: number }).maximum;
    const array = z.array(strictly(schema.element as z.ZodType));
    return max === undefined ? array : array.max(max);
  }
  return schema;
}

const Header = z.strictObject({ type: z.literal(EXPORT_FORMAT), version: z.literal(EXPORT_VERSION), exportedAt: z.string().optional() });
const RECORD_SCHEMAS = {
  article: z.strictObject({ type: z.literal('article'), article: strictly(ArticleSchema) }),
  version: z.strictObject({ type: z.literal('version'), id: z.string(), version: strictly(StoredVersionSchema) }),
  change: z.strictObject({ type: z.literal('change'), change: strictly(StoredChangeSchema) }),
  source: z.strictObject({ type: z.literal('source'), source: strictly(StoredSourceSchema) }),
  snapshot: z.strictObject({
    type: z.literal('snapshot'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex'),
    gzip: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  }),
};
type RecordType = keyof typeof RECORD_SCHEMAS;

/** One line of the file, parsed; `line` counts from 1 as an editor does. */
export interface NumberedRecord {
  line: number;
  record: ExportRecord;
}

export class ImportRefused extends Error {}

function refuse(line: number, problem: string): never {
  throw new ImportRefused(`line ${line}: ${problem}`);
}

/** What a zod issue says, with the field it is about: "article.versions.0.n: expected number". */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.join('.');
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(where ? `${where}.${k}` : k)).join(', ')}`;
  return `${where || 'record'}: ${issue.message}`;
}

/** Parses and checks one line on its own; the `first` line (blank lines aside) is the export header. */
export function checkLine(text: string, line: number, first: boolean): NumberedRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(line, 'not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return refuse(line, 'not a JSON object');
  const type = (value as { type?: unknown }).type;
  if (first || type === EXPORT_FORMAT) {
    if (!first) return refuse(line, 'a second export header');
    const header = Header.safeParse(value);
    if (!header.success)
      return refuse(line, `an export starts with a {"type": "${EXPORT_FORMAT}", "version": ${EXPORT_VERSION}} line (${describeIssue(header.error)})`);
    return null;
  }
  if (typeof type !== 'string' || !Object.hasOwn(RECORD_SCHEMAS, type))
    return refuse(line, `unknown record type ${JSON.stringify(type)} (expected ${Object.keys(RECORD_SCHEMAS).join(', ')})`);
  const parsed = RECORD_SCHEMAS[type as RecordType].safeParse(value);
  if (!parsed.success) return refuse(line, `malformed ${type}: ${describeIssue(parsed.error)}`);
  return { line, record: value as ExportRecord };
}

// ---- the records against one another ---------------------------------------------------------

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const SEQ = /^(\d{6})(?:-(removed|restored)-(\d{1,13}))?$/;
/** Sequence numbers of versions: six digits in keys, so at most 999,999 of them. */
const MAX_VERSION = 999_999;

function isoTime(line: number, field: string, value: string | null | undefined): void {
  if (value == null) return;
  if (!ISO_TIME.test(value) || !Number.isFinite(Date.parse(value))) refuse(line, `${field} is not a UTC time like 2026-01-31T12:00:00.000Z`);
}

function httpUrl(line: number, field: string, value: string | null | undefined): void {
  if (value == null) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    refuse(line, `${field} is not a URL`);
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(line, `${field} is not an http(s) URL`);
}

/** The URL a record is keyed by: trackable under this Worker's policy, and the id derived from it. */
async function keyUrl(line: number, field: string, url: string, id: string, allowPrivate: boolean): Promise<void> {
  if (!ARTICLE_ID.test(id)) refuse(line, `${field === 'source.url' ? 'source' : 'article'}.id must be 16 hex digits`);
  const verdict = checkTrackableUrl(url, allowPrivate);
  if (!verdict.ok) refuse(line, `${field}: ${verdict.error}`);
  if ((await articleIdFor(url)) !== id) refuse(line, `${field} does not match the id (ids are derived from the URL)`);
}

interface ArticleEntry {
  line: number;
  article: ArticleRecord;
  versions: Map<number, { line: number; version: VersionRecord }>;
  changes: Map<string, { line: number; change: ChangeRecord }>;
}

function checkArticle(line: number, article: ArticleRecord): void {
  httpUrl(line, 'article.finalUrl', article.finalUrl);
  let host: string;
  try {
    host = new URL(article.url).hostname;
  } catch {
    host = '';
  }
  if (article.site !== host) refuse(line, 'article.site must be the host name of article.url');
  for (const field of ['createdAt', 'deletedAt', 'removedAt'] as const) isoTime(line, `article.${field}`, article[field]);
  if (article.active !== (article.deletedAt === null)) refuse(line, 'article.deletedAt must be set exactly when the article is no longer active');
  if (article.lastCheck) for (const field of ['since', 'at', 'retryAt'] as const) isoTime(line, `article.lastCheck.${field}`, article.lastCheck[field]);
  for (const [k, spell] of (article.failures ?? []).entries())
    for (const field of ['at', 'endedAt'] as const) isoTime(line, `article.failures.${k}.${field}`, spell[field]);
  article.versions.forEach((summary, k) => {
    if (summary.n !== k + 1) refuse(line, `article.versions must be numbered 1, 2, 3... without gaps (found ${summary.n} at place ${k + 1})`);
    isoTime(line, `article.versions.${k}.fetchedAt`, summary.fetchedAt);
    if (summary.revertOf != null && !(summary.revertOf >= 1 && summary.revertOf < summary.n))
      refuse(line, `article.versions.${k}.revertOf must name an earlier version`);
  });
  if (article.versions.length > MAX_VERSION) refuse(line, `an article holds at most ${MAX_VERSION} versions`);
}

/**
 * A summary names its version's hash, or the hash a check today gives the same words: a check that
 * finds a version stored under an older form of the hash unchanged gives its summary today's hash
 * (src/check/decide.ts, sameWords) and leaves the stored version, true to its stored text, as it was.
 */
async function checkVersionAgainst(entry: ArticleEntry, line: number, version: VersionRecord): Promise<void> {
  const summary = entry.article.versions[version.n - 1];
  if (!summary) refuse(line, `version ${version.n} is not listed in article ${entry.article.id} (line ${entry.line})`);
  const sameHash = summary.hash === version.hash || summary.hash === (await versionHash(version.title, version.text, summary.byline ?? null));
  if (!sameHash || summary.title !== version.title || summary.fetchedAt !== version.fetchedAt) {
    refuse(
      line,
      `version ${version.n} does not match its summary in article ${entry.article.id} (line ${entry.line}): title and fetchedAt must agree, and the hash be the version's or that of its words today`,
    );
  }
}

/**
 * A version's hash must be the hash of its own words, computed as a check computes it, so a text
 * altered in the file cannot be served under the original's hash (a version stored before bylines
 * were hashed carries the first form).
 */
async function checkVersionHash(line: number, version: VersionRecord): Promise<void> {
  if ((await versionHash(version.title, version.text, version.byline ?? null)) === version.hash) return;
  if ((await firstFormVersionHash(version.title, version.text)) === version.hash) return;
  refuse(line, `version ${version.n}: its hash is not the hash of its title, byline and text`);
}

function checkChangeAgainst(entry: ArticleEntry, line: number, change: ChangeRecord): void {
  const { article } = entry;
  const seq = SEQ.exec(change.seq);
  if (!seq) refuse(line, 'change.seq must be 6 digits, or 6 digits then -removed-<ms> or -restored-<ms>');
  const [, number, event, ms] = seq;
  const last = article.versions.length;
  if (!(change.to >= 1 && change.to <= last)) refuse(line, `change.to names version ${change.to}, but article ${article.id} (line ${entry.line}) has ${last}`);
  if (event) {
    if (change.event !== event || change.from !== change.to || Number(number) !== change.to || Number(ms) !== Date.parse(change.at)) {
      refuse(line, `change.seq ${change.seq} does not match its event, versions and time (a ${event} event keeps from = to = the seq's number, at = its ms)`);
    }
  } else {
    if (change.event === 'removed') refuse(line, 'a removed event has a seq like 000002-removed-<ms>');
    if (Number(number) !== change.to || change.from !== change.to - 1)
      refuse(line, `change.seq ${change.seq} must be version "to" in 6 digits, with from = to - 1`);
  }
  if (change.url !== article.url || change.site !== article.site)
    refuse(line, `change.url and change.site must be those of article ${article.id} (line ${entry.line})`);
  if (change.revertOf != null && !(change.revertOf >= 1 && change.revertOf < change.to)) refuse(line, 'change.revertOf must name an earlier version');
  isoTime(line, 'change.at', change.at);
}

export interface CheckedImport {
  articles: ArticleEntry[];
  sources: SourceRecord[];
  /** Raw HTML by SHA-256, gzipped, each checked to unpack to bytes with that hash. */
  snapshots: Map<string, Uint8Array>;
}

/**
 * Checks parsed records against one another. Articles may come in any order relative to their
 * versions and changes; what each refers to must be in the file.
 */
export async function checkReferences(records: NumberedRecord[], allowPrivate: boolean): Promise<CheckedImport> {
  const articles = new Map<string, ArticleEntry>();
  const sources = new Map<string, { line: number; source: SourceRecord }>();
  const snapshots = new Map<string, Uint8Array>();
  for (const { line, record } of records) {
    if (record.type === 'article') {
      const { article } = record;
      await keyUrl(line, 'article.url', article.url, article.id, allowPrivate);
      if (articles.has(article.id)) refuse(line, `article ${article.id} appears twice (first on line ${articles.get(article.id)?.line})`);
      checkArticle(line, article);
      articles.set(article.id, { line, article, versions: new Map(), changes: new Map() });
    } else if (record.type === 'source') {
      const { source } = record;
      await keyUrl(line, 'source.url', source.url, source.id, allowPrivate);
      if (sources.has(source.id)) refuse(line, `source ${source.id} appears twice (first on line ${sources.get(source.id)?.line})`);
      for (const field of ['createdAt', 'lastReadAt', 'retryAt'] as const) isoTime(line, `source.${field}`, source[field]);
      if (source.seen.some((id) => !ARTICLE_ID.test(id))) refuse(line, 'source.seen must hold article ids (16 hex digits)');
      if (new Set(source.seen).size !== source.seen.length) refuse(line, 'source.seen lists an article twice');
      sources.set(source.id, { line, source });
    } else if (record.type === 'snapshot') {
      if (snapshots.has(record.sha256)) refuse(line, `snapshot ${record.sha256} appears twice`);
      const packed = fromBase64(record.gzip);
      const raw = packed ? await gunzip(packed).catch(() => null) : null;
      if (!packed || !raw) refuse(line, 'snapshot.gzip is not gzipped data in base64');
      if ((await sha256OfBytes(raw)) !== record.sha256) refuse(line, 'snapshot.gzip does not unpack to bytes with its sha256');
      snapshots.set(record.sha256, packed);
    }
  }
  for (const { line, record } of records) {
    if (record.type === 'version') {
      const entry = articles.get(record.id);
      if (!ARTICLE_ID.test(record.id)) refuse(line, 'id must be an article id (16 hex digits)');
      if (!entry) return refuse(line, `version of article ${record.id}, which is not in the file`);
      await checkVersionAgainst(entry, line, record.version);
      await checkVersionHash(line, record.version);
      httpUrl(line, 'version.url', record.version.url);
      httpUrl(line, 'version.canonicalUrl', record.version.canonicalUrl);
      isoTime(line, 'version.fetchedAt', record.version.fetchedAt);
      const twice = entry.versions.get(record.version.n);
      if (twice) refuse(line, `version ${record.version.n} of article ${record.id} appears twice (first on line ${twice.line})`);
      entry.versions.set(record.version.n, { line, version: record.version });
    } else if (record.type === 'change') {
      const { change } = record;
      const entry = articles.get(change.id);
      if (!ARTICLE_ID.test(change.id)) refuse(line, 'change.id must be an article id (16 hex digits)');
      if (!entry) return refuse(line, `change of article ${change.id}, which is not in the file`);
      checkChangeAgainst(entry, line, change);
      const twice = entry.changes.get(change.seq);
      if (twice) refuse(line, `change ${change.seq} of article ${change.id} appears twice (first on line ${twice.line})`);
      entry.changes.set(change.seq, { line, change });
    }
  }
  // Nothing lost: every listed version is in the file, and every version after the first came with its change.
  for (const entry of articles.values()) {
    for (const summary of entry.article.versions) {
      if (!entry.versions.has(summary.n)) refuse(entry.line, `article ${entry.article.id} lists version ${summary.n}, which is not in the file`);
      if (summary.n > 1 && !entry.changes.has(versionSeq(summary.n)))
        refuse(entry.line, `article ${entry.article.id} has version ${summary.n} but not the change that made it`);
    }
    // A change keeps the hash its version had when it was made (its feed item's id is built on
    // it): the stored version's, or the summary's since a check gave the same words today's hash.
    for (const { line, change } of entry.changes.values()) {
      const hashes = [entry.article.versions[change.to - 1].hash, entry.versions.get(change.to)?.version.hash];
      if (!hashes.includes(change.hash)) refuse(line, `change.hash must be the hash of version ${change.to}`);
    }
  }
  return { articles: [...articles.values()], sources: [...sources.values()].map((s) => s.source), snapshots };
}
