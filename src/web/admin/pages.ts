/**
 * The admin pages: sign in, and one dashboard to track a URL, add and remove feeds and sitemaps,
 * check or untrack an article, and read what failed and what was delivered. Plain HTML forms
 * (POST, each with its CSRF token): they work without script, like every page here.
 */
import { html } from 'hono/html';
import type { ArticleRecord, SourceListing } from '../../store';
import type { InvalidWebhookEntry, WebhookDelivery } from '../../notify/webhooks';
import { layout as pageLayout, time } from '../pages/layout';

/** Every admin page: same-origin referrers, so the browser sends our real Origin on our own forms. */
const layout = (title: string, body: unknown) => pageLayout(title, body, { referrer: 'same-origin' });

export interface Notice {
  ok: boolean;
  text: string;
}

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;

const noticeBox = (notice: Notice | null) =>
  notice ? html`<p class="ui ${notice.ok ? '' : 'error'}" role="status"><strong>${notice.ok ? 'Done:' : 'Not done:'}</strong> ${notice.text}</p>` : '';

const ADMIN_STYLE = html`<style>
form.admin { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .6rem 0; padding: .7rem .8rem; background: var(--soft); border-radius: 6px; font: 14px/1.4 system-ui, sans-serif; }
form.admin .field { display: flex; flex-direction: column; gap: .2rem; flex: 1 1 16rem; }
form.admin label { font-weight: 600; }
form.admin input[type=url], form.admin input[type=password] { font: inherit; padding: .35rem .5rem; min-height: 2.2rem; border: 1px solid var(--rule); border-radius: 4px; width: 100%; }
form.inline { display: inline; margin: 0; }
form.inline button { min-height: 1.8rem; padding: .1rem .6rem; font: 13px/1.4 system-ui, sans-serif; }
button.quiet { background: #fff; color: var(--link); border: 1px solid var(--link); }
table.data td { overflow-wrap: anywhere; }
</style>`;

export function signInPage(csrf: string, notice: Notice | null = null) {
  return layout(
    'Sign in',
    html`${ADMIN_STYLE}<h1>Admin: sign in</h1>
${noticeBox(notice)}
<p class="meta">The admin token is this Worker's <code>ADMIN_TOKEN</code> secret. Signing in keeps a session for 8 hours in a cookie that only this site's pages get.</p>
<form class="admin" method="post" action="/admin/sign-in" aria-label="Sign in">
${csrfField(csrf)}
<div class="field"><label for="admin-token">Admin token</label><input id="admin-token" name="token" type="password" autocomplete="current-password" required></div>
<button type="submit">Sign in</button>
</form>`,
  );
}

export function problemPage(title: string, message: string) {
  return layout(title, html`<h1>${title}</h1><p>${message}</p><p><a href="/admin">Admin</a></p>`);
}

export interface Dashboard {
  csrf: string;
  notice: Notice | null;
  articles: ArticleRecord[];
  cursor: string | null;
  sources: (SourceListing & { id: string; lastError?: string | null })[];
  deliveries: WebhookDelivery[];
  webhooksConfigured: number;
  /** WEBHOOK_URLS entries that are no http(s) URL, each by position and first 20 characters (as GET /api/v1/webhooks). */
  webhooksInvalid: InvalidWebhookEntry[];
  snapshots: boolean;
  saveCaptures: boolean;
}

function articleRow(article: ArticleRecord, csrf: string) {
  const check = article.lastCheck;
  return html`<tr><td><a href="/articles/${article.id}">${article.title || article.url}</a><br><span class="meta">${article.url}</span></td>
<td>${article.versions.length}</td>
<td class="${check?.outcome === 'error' ? 'error' : ''}">${check ? html`${check.outcome}${check.error ? html`: ${check.error}` : ''} <span class="meta">(${time(check.at)})</span>` : html`<span class="muted">not checked yet</span>`}${article.active ? '' : html`<br><span class="muted">untracked</span>`}</td>
<td>${
    article.active
      ? html`<form class="inline" method="post" action="/admin/articles/${article.id}/check">${csrfField(csrf)}<button type="submit" aria-label="Check ${article.url} now">Check now</button></form>
<form class="inline" method="post" action="/admin/articles/${article.id}/untrack">${csrfField(csrf)}<button class="quiet" type="submit" aria-label="Untrack ${article.url}">Untrack</button></form>`
      : ''
  }</td></tr>`;
}

/** The WEBHOOK_URLS entries nothing is sent to; only their start is shown, as a mistyped URL may carry its secret. */
function invalidWebhooks(invalid: InvalidWebhookEntry[]) {
  if (!invalid.length) return '';
  return html`<p class="error">Nothing is sent to ${invalid.length === 1 ? 'this WEBHOOK_URLS entry' : `these ${invalid.length} WEBHOOK_URLS entries`} (first 20 characters shown):</p>
<ul class="list">${invalid.map((e) => html`<li>entry ${e.position}: <code>${e.start}</code> <span class="meta error">${e.error}</span></li>`)}</ul>`;
}

export function dashboardPage(d: Dashboard) {
  const failing = d.articles.filter((a) => a.lastCheck?.outcome === 'error' || a.failures?.some((f) => f.endedAt === null));
  const failingSources = d.sources.filter((s) => s.lastError);
  return layout(
    'Admin',
    html`${ADMIN_STYLE}<h1>Admin</h1>
${noticeBox(d.notice)}
<form class="inline" method="post" action="/admin/sign-out">${csrfField(d.csrf)}<button class="quiet" type="submit">Sign out</button></form>
<p class="meta">Raw HTML of new versions: ${d.snapshots ? 'kept in R2' : 'not kept (no SNAPSHOTS bucket)'} · Internet Archive captures: ${d.saveCaptures ? 'requested for each new version' : 'off'} · webhooks configured: ${d.webhooksConfigured}${d.webhooksInvalid.length ? html` · <a class="error" href="#webhooks-heading">${d.webhooksInvalid.length} WEBHOOK_URLS ${d.webhooksInvalid.length === 1 ? 'entry' : 'entries'} ignored</a>` : ''}</p>

<section aria-labelledby="track-heading"><h2 id="track-heading">Track an article</h2>
<form class="admin" method="post" action="/admin/track" aria-label="Track an article">
${csrfField(d.csrf)}
<div class="field"><label for="track-url">Article URL</label><input id="track-url" name="url" type="url" required placeholder="https://www.example.com/2026/11/story.html"></div>
<button type="submit">Track</button>
</form></section>

<section aria-labelledby="sources-heading"><h2 id="sources-heading">Feeds and sitemaps</h2>
<p class="meta">New articles in a registered RSS/Atom feed or sitemap are tracked automatically.</p>
<form class="admin" method="post" action="/admin/sources" aria-label="Add a feed or sitemap">
${csrfField(d.csrf)}
<div class="field"><label for="source-url">Feed or sitemap URL</label><input id="source-url" name="url" type="url" required placeholder="https://www.example.com/rss.xml"></div>
<button type="submit">Add source</button>
</form>
${
  d.sources.length
    ? html`<table class="data"><caption class="visually-hidden">Sources</caption><thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Articles tracked</th><th scope="col"></th></tr></thead><tbody>
${d.sources.map(
  (s) => html`<tr><td>${s.url}${s.lastError ? html`<br><span class="error">${s.lastError}</span>` : ''}</td><td>${s.kind ?? '—'}</td><td>${s.tracked}</td>
<td><form class="inline" method="post" action="/admin/sources/${s.id}/remove">${csrfField(d.csrf)}<button class="quiet" type="submit" aria-label="Remove source ${s.url}">Remove</button></form></td></tr>`,
)}</tbody></table>`
    : html`<p class="muted">No source registered.</p>`
}</section>

<section aria-labelledby="failures-heading"><h2 id="failures-heading">Failures</h2>
${
  failing.length || failingSources.length
    ? html`<ul class="list">${failing.map((a) => html`<li><a href="/articles/${a.id}">${a.title || a.url}</a><div class="meta error">${a.lastCheck?.errorKind ?? 'error'}: ${a.lastCheck?.error ?? a.failures?.at(-1)?.error ?? ''}${a.lastCheck ? html` · since ${time(a.lastCheck.since)}` : ''}</div></li>`)}
${failingSources.map((s) => html`<li>${s.url}<div class="meta error">source: ${s.lastError}</div></li>`)}</ul>`
    : html`<p class="muted">No article or source on this page is failing.</p>`
}</section>

<section aria-labelledby="articles-heading"><h2 id="articles-heading">Tracked articles</h2>
${
  d.articles.length
    ? html`<table class="data"><caption class="visually-hidden">Articles</caption><thead><tr><th scope="col">Article</th><th scope="col">Versions</th><th scope="col">Last check</th><th scope="col">Actions</th></tr></thead><tbody>
${d.articles.map((a) => articleRow(a, d.csrf))}</tbody></table>
${d.cursor ? html`<p><a href="/admin?cursor=${encodeURIComponent(d.cursor)}#articles-heading">More articles</a></p>` : ''}`
    : html`<p class="muted">Nothing is tracked yet.</p>`
}</section>

<section aria-labelledby="webhooks-heading"><h2 id="webhooks-heading">Webhook deliveries</h2>
${invalidWebhooks(d.webhooksInvalid)}
${
  d.deliveries.length
    ? html`<table class="data"><caption class="visually-hidden">Webhook deliveries, newest first</caption><thead><tr><th scope="col">When</th><th scope="col">Target</th><th scope="col">Change</th><th scope="col">Outcome</th></tr></thead><tbody>
${d.deliveries.map((w) => {
  const last = w.attempts.at(-1);
  return html`<tr><td>${last ? time(last.at) : '—'}</td><td>${w.host} <span class="meta">${w.format} · ${w.target}</span></td><td><a href="/articles/${w.id}">${w.title}</a> <span class="meta">${w.seq}</span></td>
<td class="${w.ok ? '' : 'error'}">${w.ok ? 'delivered' : 'failed'} after ${w.attempts.length} attempt${w.attempts.length === 1 ? '' : 's'}${last?.status ? html` (HTTP ${last.status})` : ''}${!w.ok && last?.error ? html`: ${last.error}` : ''}</td></tr>`;
})}</tbody></table>`
    : html`<p class="muted">No delivery in the last 30 days.</p>`
}</section>`,
  );
}
