/**
 * A Diff as HTML: deletions in <del>, insertions in <ins>, everything else escaped text.
 * Used by the diff page (whole text) and the feeds (the changed words with a little context).
 */
import { html } from 'hono/html';
import { contextSnippets } from '../diff';
import type { Diff, DiffChange } from '../diff/types';

export function renderChanges(changes: DiffChange[]) {
  return changes.map((change) =>
    change.op === 'delete' ? html`<del>${change.text}</del>` : change.op === 'insert' ? html`<ins>${change.text}</ins>` : html`${change.text}`,
  );
}

/** The changed words with a few words of context, one paragraph per cluster of changes. */
export function renderSnippets(diff: Diff, contextWords = 8) {
  const title = diff.title ? html`<p>Headline: <del>${diff.title.old}</del> <ins>${diff.title.new}</ins></p>` : '';
  const snippets = contextSnippets(diff, contextWords).map((snippet) => html`<p>${renderChanges(snippet)}</p>`);
  return html`${title}${snippets}`;
}

export function describeStats(diff: Pick<Diff, 'stats' | 'title'>): string {
  const { added, removed } = diff.stats;
  const parts: string[] = [];
  if (diff.title) parts.push('headline changed');
  if (added || removed) parts.push(`${added} word${added === 1 ? '' : 's'} added, ${removed} removed`);
  return parts.join('; ') || 'no visible change';
}
