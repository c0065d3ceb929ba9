/** `/`: the tracked articles and the latest changes. */
import { html } from 'hono/html';
import type { ArticlePage, ChangePage } from '../../store';
import { formatTime, layout } from './layout';

export function homePage(articles: ArticlePage, changes: ChangePage) {
  const changeItems = changes.changes.map(
    (ch) => html`<li><a href="/articles/${ch.id}/diff/${ch.from}/${ch.to}">${ch.title || ch.url}</a>
<div class="meta">${formatTime(ch.at)} · version ${ch.from} → ${ch.to} · <span>+${ch.stats.added} / −${ch.stats.removed} words</span></div></li>`,
  );
  const articleItems = articles.articles.map(
    (a) => html`<li><a href="/articles/${a.id}">${a.title || a.url}</a>
<div class="meta">${a.url} · ${a.versions} version${a.versions === 1 ? '' : 's'}${a.active ? '' : ' · no longer checked'}</div></li>`,
  );
  return layout(
    'Tracked articles',
    html`<h1>Latest changes</h1>
${changeItems.length ? html`<ul class="list">${changeItems}</ul>` : html`<p class="muted">No changes seen yet.</p>`}
<h2>Tracked articles</h2>
${articleItems.length ? html`<ul class="list">${articleItems}</ul>` : html`<p class="muted">Nothing is tracked yet: POST a URL to /api/v1/articles.</p>`}
${articles.cursor ? html`<p><a href="/?cursor=${encodeURIComponent(articles.cursor)}">More articles</a></p>` : ''}`,
  );
}
