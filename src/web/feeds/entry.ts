/**
 * One feed entry per change, shared by the RSS, Atom and JSON feeds: a guid no other change will
 * ever have, a link to the diff page (or the history entry, for removals), a title that says what
 * changed and its kinds, and the changed words with a little context as HTML.
 */
import { html } from 'hono/html';
import type { ChangeKind, ChangeRecord } from '../../store';
import { hasTextChange, type ChangeCard } from '../../store/change-card';
import { webUrl } from '../links';
import { describeChange, renderSnippetParts } from '../render-diff';

export interface FeedInfo {
  title: string;
  description: string;
  /** Absolute URL of the page the feed belongs to. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  origin: string;
}

export interface FeedEntry {
  id: string;
  link: string;
  title: string;
  published: string;
  html: string;
  kinds: ChangeKind[];
  /** The article's own URL; null when it is not http(s) (then no feed links to it). */
  articleUrl: string | null;
}

/**
 * `urn:redline:<id>:<from>-<to>:<hash>` for a change that made a version (the form feeds have
 * always used), `urn:redline:<id>:<seq>:<hash>` for an event that made none (its seq is unique).
 */
export function changeGuid(change: Pick<ChangeRecord, 'id' | 'seq' | 'from' | 'to' | 'hash'>): string {
  const versionEvent = !change.seq || /^\d+$/.test(change.seq);
  return `urn:redline:${change.id}:${versionEvent ? `${change.from}-${change.to}` : change.seq}:${change.hash.slice(0, 12)}`;
}

/** The page a change is read on: its diff, or for an event without a new text its place in the history. */
export function changePath(change: Pick<ChangeRecord, 'id' | 'seq' | 'from' | 'to' | 'event'>): string {
  return hasTextChange(change) ? `/articles/${change.id}/diff/${change.from}/${change.to}` : `/articles/${change.id}#change-${change.seq}`;
}

function eventHtml(change: Pick<ChangeRecord, 'event' | 'from' | 'to'>) {
  if (change.event === 'removed') return html`<p>The page stopped answering (HTTP 404 or 410) on two checks in a row; version ${change.from} is the last one seen.</p>`;
  return html`<p>The page is back, with the text of version ${change.to}.</p>`;
}

export async function feedEntry(origin: string, change: ChangeCard): Promise<FeedEntry> {
  const kinds = change.kinds;
  const body = hasTextChange(change) ? renderSnippetParts(change.titleDiff, change.snippets, change.snippetsCut ? `${origin}${changePath(change)}` : null, change.bylineDiff ?? null) : eventHtml(change);
  return {
    id: changeGuid(change),
    link: `${origin}${changePath(change)}`,
    title: `${change.title} — ${describeChange(change, kinds, Boolean(change.titleDiff), Boolean(change.bylineDiff))}`,
    published: change.at,
    html: String(await body),
    kinds,
    articleUrl: webUrl(change.url),
  };
}
