/**
 * The KV layout: the only code that knows key names.
 *
 *   article:<id>                     ArticleRecord (metadata: ArticleListing)          mutable
 *   version:<id>:<n 6 digits>        VersionRecord                                     append-only
 *   change:<id>:<n 6 digits>         ChangeRecord, the diff from n-1 to n              append-only
 *   changes:<inverted ms>:<id>:<n>   "" (metadata: ChangeSummary) global newest-first   append-only
 *   pending:<id>                     "" a newly tracked article, due at the next tick  deleted once checked
 *
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
  change: (id: string, n: number) => `change:${id}:${pad(n, 6)}`,
  changeIndex: (atMs: number, id: string, n: number) => `changes:${pad(MAX_MS - atMs, 13)}:${id}:${pad(n, 6)}`,
  changeIndexPrefix: 'changes:',
  pending: (id: string) => `pending:${id}`,
  pendingPrefix: 'pending:',
  idFromPendingKey: (key: string) => key.slice('pending:'.length),
};
