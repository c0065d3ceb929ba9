/**
 * The KV layout: the only code that knows key names.
 *
 *   article:<id>                            ArticleRecord (metadata: ArticleListing)   mutable
 *   site-article:<host>:<id>                "" (metadata: ArticleListing) per outlet    on tracking
 *   version:<id>:<n 6 digits>               VersionRecord                              append-only
 *   change:<id>:<seq>                       ChangeRecord with its Diff                 append-only
 *   changes:<inverted ms>:<id>:<seq>        "" (metadata: ChangeSummary) newest first  append-only
 *   site-changes:<host>:<inverted ms>:<id>:<seq>   the same, per outlet               append-only
 *   pending:<id>                            "" newly tracked, due at the next tick     deleted once checked
 *
 * <seq> is the new version number in 6 digits ("000002"), with a suffix for events that make
 * no version ("000002-removed-<ms>"). *
 * KV lists keys in ascending byte order, so the global change index uses an inverted timestamp
 * to read newest first with one list call and no gets. Article ids are derived from the URL,
 * so tracking the same URL twice (even concurrently) lands on the same key.
 */
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const MAX_MS = 9_999_999_999_999;

export const keys = {
  article: (id: string) => `article:${id}`,
  articlePrefix: 'article:',
  idFromArticleKey: (key: string) => key.slice('article:'.length),
  version: (id: string, n: number) => `version:${id}:${pad(n, 6)}`,
  versionSeq: (n: number) => pad(n, 6),
  eventSeq: (n: number, event: string, atMs: number) => `${pad(n, 6)}-${event}-${atMs}`,
  change: (id: string, seq: string) => `change:${id}:${seq}`,
  changeIndex: (atMs: number, id: string, seq: string) => `changes:${pad(MAX_MS - atMs, 13)}:${id}:${seq}`,
  changeIndexPrefix: 'changes:',
  siteChangeIndex: (host: string, atMs: number, id: string, seq: string) => `site-changes:${host}:${pad(MAX_MS - atMs, 13)}:${id}:${seq}`,
  siteChangeIndexPrefix: (host: string) => `site-changes:${host}:`,
  siteArticle: (host: string, id: string) => `site-article:${host}:${id}`,
  siteArticlePrefix: (host: string) => `site-article:${host}:`,
  pending: (id: string) => `pending:${id}`,
  pendingPrefix: 'pending:',
  idFromPendingKey: (key: string) => key.slice('pending:'.length),
};
