/** `/articles/:id/diff/:from/:to`: one diff, inline, deletions and insertions marked. */
import { html } from 'hono/html';
import type { Diff } from '../../diff/types';
import type { ArticleRecord } from '../../store';
import { describeStats, renderChanges } from '../render-diff';
import { layout } from './layout';

export function diffPage(article: ArticleRecord, from: number, to: number, diff: Diff) {
  const headline = article.versions[to - 1]?.title ?? article.title ?? article.url;
  const previous = from > 1 && to === from + 1 ? html`<a href="/articles/${article.id}/diff/${from - 1}/${from}" rel="prev">← previous change</a>` : '';
  const next = to < article.versions.length && to === from + 1 ? html`<a href="/articles/${article.id}/diff/${to}/${to + 1}" rel="next">next change →</a>` : '';
  return layout(
    `${headline}: version ${from} → ${to}`,
    html`<h1>${headline}</h1>
<p class="meta">Version ${from} → ${to} · ${describeStats(diff)} · <a href="/articles/${article.id}">all versions</a> · <a href="${article.url}" rel="nofollow noopener">original</a></p>
<p class="meta">${previous} ${next}</p>
${diff.title ? html`<p><strong>Headline:</strong> <del>${diff.title.old}</del> <ins>${diff.title.new}</ins></p>` : ''}
<article class="diff" aria-label="Changes from version ${from} to ${to}">${renderChanges(diff.changes)}</article>`,
    `/articles/${article.id}/feed.xml`,
  );
}
