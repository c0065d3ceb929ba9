/**
 * One feed entry per change, shared by the RSS, Atom and JSON feeds: a guid no other change will
 * ever have, a link to the diff page (or the history entry, for removals), a title that says what
 * changed and its kinds, and the changed words with a little context as HTML.
 */
import { html } from 'hono/html';
import type { ChangeKind, ChangeRecord } from '../../store';
import { hasTextChange, type ChangeCard } from '../../store/change-card';
import { describeChange } from '../../changes/describe';
import { changeGuid, changePath } from '../../changes/links';
import { renderSnippetParts } from '../render-diff';
import { webUrl } from '../links';

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

function eventHtml(change: Pick<ChangeRecord, 'event' | 'from' | 'to'>) {
  if (change.event === 'removed')
    return html`<p>The page stopped answering (HTTP 404 or 410) on two checks in a row; version ${change.from} is the last one seen.</p>`;
  return html`<p>The page is back, with the text of version ${change.to}.</p>`;
}

export async function feedEntry(origin: string, change: ChangeCard): Promise<FeedEntry> {
  const kinds = change.kinds;
  const body = hasTextChange(change)
    ? renderSnippetParts(change.titleDiff, change.snippets, change.snippetsCut ? `${origin}${changePath(change)}` : null, change.bylineDiff ?? null)
    : eventHtml(change);
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
