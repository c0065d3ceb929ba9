/**
 * `/articles/:id/diff/:from/:to`: one diff, inline (deletions in <del>, insertions in <ins>,
 * each edit with its own permalink) or side by side (`?view=side`: the old text beside the new,
 * stacked on a phone). The toggle is two links, so it needs no script.
 */
import { html } from 'hono/html';
import { CARD_HEIGHT, CARD_WIDTH } from '../../cards';
import type { Diff } from '../../model/diff';
import type { ArticleRecord, ChangeKind } from '../../store';
import { describeCounts } from '../../changes/describe';
import { renderByline, renderInlineWithAnchors, renderSideBySide } from '../render-diff';
import { articleLink } from '../links';
import { kindBadges, layout, time } from './layout';

export type DiffView = 'inline' | 'side';

/** Where the diff card is, absolute (link previews need it so), and what it shows in words. */
export interface DiffCardLink {
  url: string;
  alt: string;
}

export function diffPage(article: ArticleRecord, from: number, to: number, diff: Diff, kinds: ChangeKind[], view: DiffView, card: DiffCardLink) {
  const headline = article.versions[to - 1]?.title ?? article.title ?? article.url;
  const base = `/articles/${article.id}/diff`;
  const viewQuery = view === 'side' ? '?view=side' : '';
  const count = article.versions.length;
  const previous =
    from > 1
      ? html`<a href="${base}/${from - 1}/${from}${viewQuery}" rel="prev">← Previous change <span class="muted">(version ${from - 1} → ${from})</span></a>`
      : html`<span class="muted">This is the first change.</span>`;
  const next =
    to < count
      ? html`<a href="${base}/${to}/${to + 1}${viewQuery}" rel="next">Next change <span class="muted">(version ${to} → ${to + 1})</span> →</a>`
      : html`<span class="muted">This is the latest change.</span>`;
  const [seenFrom, seenTo] = [article.versions[from - 1]?.fetchedAt, article.versions[to - 1]?.fetchedAt];
  const inline = view === 'inline' ? renderInlineWithAnchors(diff.changes) : null;
  const edits = inline?.edits ?? 0;
  const fromLabel = `Version ${from}`;
  const toLabel = `Version ${to}`;
  return layout(
    `${headline}: version ${from} → ${to}`,
    html`<h1 dir="auto">${headline}</h1>
<p class="meta">Version ${from}${seenFrom ? html` (${time(seenFrom)})` : ''} → version ${to}${seenTo ? html` (${time(seenTo)})` : ''}<br>
${describeCounts(diff.stats, Boolean(diff.title), Boolean(diff.byline))} ${kindBadges(kinds, (kind) => `/?kind=${kind}`)}<br>
<a href="/articles/${article.id}">All versions</a> · ${articleLink(article.url, 'The article')} · <a href="/articles/${article.id}/feed.xml">RSS</a> · <a href="${base}/${from}/${to}.png" type="image/png">Diff card (PNG)</a></p>
<nav class="pager" aria-label="Changes of this article">${previous} ${next}</nav>
<div class="toolbar"><span id="view-label">View:</span><span class="toggle" role="group" aria-labelledby="view-label"><a href="${base}/${from}/${to}"${view === 'inline' ? html` aria-current="page"` : ''}>Inline</a><a href="${base}/${from}/${to}?view=side"${view === 'side' ? html` aria-current="page"` : ''}>Side by side</a></span>
${edits ? html`<nav aria-label="Edits in this diff">Jump to edit: ${Array.from({ length: Math.min(edits, 60) }, (_, k) => html`<a href="#edit-${k + 1}">${k + 1}</a> `)}${edits > 60 ? '…' : ''}</nav>` : ''}</div>
${diff.title ? html`<p class="ui"><strong>Headline:</strong> <del dir="auto">${diff.title.old}</del> <ins dir="auto">${diff.title.new}</ins></p>` : ''}
${renderByline(diff, 'ui')}
${!diff.changed ? html`<p class="muted">These two versions have the same text.</p>` : ''}
${
  inline
    ? html`<article class="diff" aria-label="Changes from version ${from} to version ${to}"><div class="text" dir="auto">${inline.body}</div></article>`
    : html`<section class="diff" aria-label="Version ${from} beside version ${to}">${renderSideBySide(diff.changes, fromLabel, toLabel)}</section>`
}
<nav class="pager" aria-label="Changes of this article (end)">${previous} ${next}</nav>`,
    { feed: `/articles/${article.id}/feed`, wide: view === 'side', image: { url: card.url, alt: card.alt, width: CARD_WIDTH, height: CARD_HEIGHT } },
  );
}
