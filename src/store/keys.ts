/**
 * The KV layout: the only code that knows key names.
 *
 *   article:<id>                            ArticleRecord (metadata: ArticleListing)   mutable
 *   site-article:<host>:<id>                "" (metadata: ArticleListing) per outlet    on tracking
 *   version:<id>:<n 6 digits>               VersionRecord                              append-only
 *   change:<id>:<seq>                       ChangeRecord with its Diff                 append-only
 *   changes:<inverted ms>:<id>:<seq>        "" (metadata: ChangeSummary) newest first  append-only
 *   site-changes:<host>:<inverted ms>:<id>:<seq>   the same, per outlet               append-only
 *   pending:<id>                            "" (metadata: {h: host}) newly tracked      read once, by the Agenda's import
 *
 * Newly tracked articles (pending markers) and which sources are registered are no KV keys any
 * more: they are rows of the Agenda object (src/store/agenda.ts), which a tick reads in one call
 * instead of two KV lists. Deployments from before still hold `pending:` keys (and `source:` keys
 * with their listing as metadata); the Agenda imports them once, and nothing writes `pending:` now.
 *
 * <seq> is the new version number in 6 digits ("000002"), with a suffix for events that make
 * no version ("000002-removed-<ms>").
 *
 * KV lists keys in ascending byte order, so the global change index uses an inverted timestamp
 * to read newest first with one list call and no gets. Article ids are derived from the URL,
 * so tracking the same URL twice (even concurrently) lands on the same key.
 */
import { eventSeq, versionSeq } from '../model/sequence';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const MAX_MS = 9_999_999_999_999;

export const keys = {
  article: (id: string) => `article:${id}`,
  articlePrefix: 'article:',
  idFromArticleKey: (key: string) => key.slice('article:'.length),
  version: (id: string, n: number) => `version:${id}:${pad(n, 6)}`,
  versionSeq,
  eventSeq,
  change: (id: string, seq: string) => `change:${id}:${seq}`,
  changePrefix: 'change:',
  changeIndex: (atMs: number, id: string, seq: string) => `changes:${pad(MAX_MS - atMs, 13)}:${id}:${seq}`,
  changeIndexPrefix: 'changes:',
  siteChangeIndex: (host: string, atMs: number, id: string, seq: string) => `site-changes:${host}:${pad(MAX_MS - atMs, 13)}:${id}:${seq}`,
  siteChangeIndexPrefix: (host: string) => `site-changes:${host}:`,
  siteArticle: (host: string, id: string) => `site-article:${host}:${id}`,
  siteArticlePrefix: (host: string) => `site-article:${host}:`,
  pending: (id: string) => `pending:${id}`,
  pendingPrefix: 'pending:',
  idFromPendingKey: (key: string) => key.slice('pending:'.length),

  // --- Scale (issue 5): the due-time index, carried-over checks, discovery sources ---
  //   due:<every, minutes, 5 digits>:<slot, 5 digits>:<id>   "" (metadata: {h: host})   moved only when the tier changes
  //   schedule:carry                                          CarriedCheck[] | {checks, missed}   by a tick that could not check or list all
  //   source:<id>                                             SourceRecord (its state; the Agenda lists it)   on register, on new items
  // An article sits under exactly one due key: the interval of its tier and the slot of its id, so
  // a tick lists `due:<every>:<tick mod ticks per interval>:` once per tier and reads only due ids.
  due: (everyMinutes: number, slot: number, id: string) => `due:${pad(everyMinutes, 5)}:${pad(slot, 5)}:${id}`,
  dueSlotPrefix: (everyMinutes: number, slot: number) => `due:${pad(everyMinutes, 5)}:${pad(slot, 5)}:`,
  carry: 'schedule:carry',
  source: (id: string) => `source:${id}`,
  sourcePrefix: 'source:',
};

// ---- Webhook deliveries (the reader's side, src/notify) -------------------------------------
//   webhook:<inverted ms>:<id>:<seq>:<target>   WebhookDelivery: attempts and outcome    30 days
// <target> is a short hash of the webhook URL (the URL itself holds a secret and is not stored).
export const webhookKeys = {
  delivery: (atMs: number, id: string, seq: string, target: string) => `webhook:${pad(MAX_MS - atMs, 13)}:${id}:${seq}:${target}`,
  deliveryPrefix: 'webhook:',
};

// ---- Admin sessions in the browser (src/web/admin/session.ts) ---------------------------------
//   admin-session:<sha256 of the session id>   {csrf, tokenHash, createdAt}   TTL 8 h, deleted on sign-out
export const adminSessionKeys = {
  session: (idHash: string) => `admin-session:${idHash}`,
};

// ---- Diff cards (src/cards) --------------------------------------------------------------------
//   card:<design>:<id>:<seq>   PNG bytes of the card of the change that made version <seq>   90 days
// Only cards of consecutive versions (one per published change) are kept in KV: that is at most
// one write per change, where keeping any pair a visitor asks for would let one visitor spend
// the free plan's 1,000 writes a day. <design> changes when the card's look does.
export const cardKeys = {
  card: (design: string, id: string, to: number) => `card:${design}:${id}:${pad(to, 6)}`,
};

// ---- Posts to Mastodon and Bluesky (src/notify) ------------------------------------------------
//   post:<inverted ms>:<id>:<seq>:<network>   PostDelivery: attempts and outcome   30 days
export const postKeys = {
  delivery: (atMs: number, id: string, seq: string, network: string) => `post:${pad(MAX_MS - atMs, 13)}:${id}:${seq}:${network}`,
  deliveryPrefix: 'post:',
};
