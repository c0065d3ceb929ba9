/**
 * A Diff as HTML: deletions in <del>, insertions in <ins>, everything else escaped text.
 * Used by the diff page (whole text) and the feeds (the changed words with a little context).
 */
import { html, raw } from 'hono/html';
import { contextSnippets } from '../diff';
import type { Diff, DiffChange } from '../diff/types';

const PARAGRAPH_BREAK = raw('<br><br>');

/** Escaped text with its blank-line paragraph breaks as <br><br>, so feed readers keep them. */
function textWithBreaks(text: string) {
  return text.split('\n\n').map((part, i) => (i === 0 ? html`${part}` : html`${PARAGRAPH_BREAK}${part}`));
}

/**
 * Deletions and insertions are marked without the spaces around them (those go outside the
 * tags), and a deletion directly followed by an insertion is kept apart by one space:
 * `<del>Rybakov</del> <ins>Ryabkov</ins>`.
 */
export function renderChanges(changes: DiffChange[]) {
  return changes.map((change, i) => {
    if (change.op === 'equal') return textWithBreaks(change.text);
    const [, before, core, after] = change.text.match(/^(\s*)([\s\S]*?)(\s*)$/)!;
    const tag = change.op === 'delete' ? html`<del>${textWithBreaks(core)}</del>` : html`<ins>${textWithBreaks(core)}</ins>`;
    const gap = change.op === 'delete' && changes[i + 1]?.op === 'insert' && !after ? ' ' : '';
    return html`${textWithBreaks(before)}${tag}${textWithBreaks(after)}${gap}`;
  });
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
