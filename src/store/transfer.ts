/**
 * Export and import of everything Redline keeps, as NDJSON records: one header line, then per
 * article its record, its versions and its changes, then the discovery sources. Streaming reads KV page by page, so an
 * export of any size never sits in memory whole.
 */
import { allArticles, getArticle } from './articles';
import { keys } from './keys';
import type { ArticleRecord, ChangeRecord, VersionRecord } from '../model/records';
import { getSource, listSources, type SourceRecord, type SourceStore } from './sources';
import { getVersion } from './versions';
import { listKeys } from './list-keys';

export const EXPORT_FORMAT = 'redline-export';
export const EXPORT_VERSION = 1;

export type ExportRecord =
  | { type: typeof EXPORT_FORMAT; version: number; exportedAt: string }
  | { type: 'article'; article: ArticleRecord }
  | { type: 'version'; id: string; version: VersionRecord }
  | { type: 'change'; change: ChangeRecord }
  | { type: 'source'; source: SourceRecord }
  /** A version's raw HTML, gzipped, base64 (added by the export route from R2: src/web/transfer.ts). */
  | { type: 'snapshot'; sha256: string; gzip: string };

async function* changesOfArticle(kv: KVNamespace, id: string): AsyncGenerator<ChangeRecord> {
  for await (const key of listKeys(kv, keys.change(id, ''))) {
    const change = await kv.get<ChangeRecord>(key.name, 'json');
    if (change) yield change;
  }
}

export async function* exportRecords(store: SourceStore, now = new Date()): AsyncGenerator<ExportRecord> {
  const kv = store.REDLINE;
  yield { type: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString() };
  for await (const listing of allArticles(kv)) {
    const article = await getArticle(kv, listing.id);
    if (!article) continue;
    yield { type: 'article', article };
    for (const summary of article.versions) {
      const version = await getVersion(kv, article.id, summary.n);
      if (version) yield { type: 'version', id: article.id, version };
    }
    // A check writes its change before the record that lists the new version: a change past the
    // record's last version is one still being written, and belongs to the next export.
    for await (const change of changesOfArticle(kv, article.id)) if (change.to <= article.versions.length) yield { type: 'change', change };
  }
  for (const listing of await listSources(store)) {
    const source = await getSource(kv, listing.id);
    if (source) yield { type: 'source', source };
  }
}

/** True when the namespace holds no article and no source yet (import refuses to merge into live data). */
export async function isEmpty(kv: KVNamespace): Promise<boolean> {
  for (const prefix of [keys.articlePrefix, keys.sourcePrefix]) {
    const page = await kv.list({ prefix, limit: 1 });
    if (page.keys.length > 0) return false;
  }
  return true;
}
