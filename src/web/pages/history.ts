/** `/articles/:id`: every version of one article, when it was seen, and what changed. */
import { html } from 'hono/html';
import type { ArticleRecord, ChangeRecord } from '../../store';
import { describeStats } from '../render-diff';
import { formatTime, layout } from './layout';

export function historyPage(article: ArticleRecord, changes: Map<number, ChangeRecord>) {
  const check = article.lastCheck;
  const rows = [...article.versions].reverse().map((v) => {
    const change = changes.get(v.n);
    return html`<tr>
<td><a href="/api/v1/articles/${article.id}/versions/${v.n}">${v.n}</a></td>
<td>${formatTime(v.fetchedAt)}</td>
<td>${v.title}</td>
<td>${v.n === 1 ? 'first seen' : change ? html`<a href="/articles/${article.id}/diff/${v.n - 1}/${v.n}">${describeStats(change.diff)}</a>` : html`<a href="/articles/${article.id}/diff/${v.n - 1}/${v.n}">diff</a>`}</td>
</tr>`;
  });
  return layout(
    article.title ?? article.url,
    html`<h1>${article.title ?? article.url}</h1>
<p class="meta"><a href="${article.url}" rel="nofollow noopener">${article.url}</a><br>
Tracked since ${formatTime(article.createdAt)}${article.active ? '' : html` · no longer checked since ${formatTime(article.deletedAt ?? '')}`}
· <a href="/articles/${article.id}/feed.xml">RSS feed of this article</a></p>
${check ? html`<p class="meta ${check.outcome === 'error' ? 'error' : ''}" role="status">Last check: ${check.outcome}${check.error ? html` — ${check.error}` : ''} (since ${formatTime(check.since)})</p>` : html`<p class="meta">Not checked yet: the next cron tick checks it.</p>`}
<h2>Versions</h2>
${rows.length ? html`<table><thead><tr><th scope="col">#</th><th scope="col">Seen</th><th scope="col">Headline</th><th scope="col">What changed</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="muted">No version stored yet.</p>`}`,
    `/articles/${article.id}/feed.xml`,
  );
}
