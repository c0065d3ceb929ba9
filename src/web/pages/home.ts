/** `/`: the latest changes (filterable by site and kind of change) and the tracked articles. */
import { html } from 'hono/html';
import { CHANGE_KINDS } from '../../diff/kind';
import type { ChangeKind, ChangeSummary } from '../../store';
import type { IndexedArticle, IndexNote } from '../../store/read-index';
import { changePath } from '../../changes/links';
import { describeChange } from '../../changes/describe';
import { eventBadge, kindBadges, layout, time } from './layout';

export interface HomeFilter {
  site?: string;
  kind?: ChangeKind;
}

/** A link to the home page with this filter (and nothing else). */
export function homeHref(filter: HomeFilter): string {
  const query = new URLSearchParams();
  if (filter.site) query.set('site', filter.site);
  if (filter.kind) query.set('kind', filter.kind);
  const text = query.toString();
  return text ? `/?${text}` : '/';
}

export function changeItem(ch: ChangeSummary, filter: HomeFilter = {}) {
  return html`<li><a href="${changePath(ch)}"><bdi>${ch.title || ch.url}</bdi></a>
<div class="meta">${time(ch.at)} · <a href="/sites/${ch.site}">${ch.site}</a> · ${describeChange(ch, [], ch.kinds.includes('headline'), ch.kinds.includes('byline'))} · ${eventBadge(ch.event)}${kindBadges(ch.kinds, (kind) => homeHref({ ...filter, kind }))}</div></li>`;
}

function feedPath(filter: HomeFilter, ext: string): string {
  const base = filter.site ? `/sites/${filter.site}/feed.${ext}` : `/feed.${ext}`;
  return filter.kind ? `${base}?kind=${filter.kind}` : base;
}

/** Background trouble newer than this shows on the home page. */
const NOTES_SHOWN_MS = 24 * 3600_000;

function notesSection(notes: IndexNote[], now: number) {
  const recent = notes.filter((note) => now - Date.parse(note.at) < NOTES_SHOWN_MS);
  if (!recent.length) return '';
  return html`<section class="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Background trouble</h2>
<ul class="list">${recent.map((note) => html`<li class="error">${time(note.at)} · ${note.source}: ${note.message}</li>`)}</ul></section>`;
}

export function homePage(
  articles: Pick<IndexedArticle, 'id' | 'url' | 'site' | 'title' | 'active' | 'versions'>[],
  changes: ChangeSummary[],
  sites: string[],
  filter: HomeFilter,
  articlesCursor: string | null,
  notes: IndexNote[] = [],
  now = Date.now(),
) {
  const filtered = filter.site || filter.kind;
  const siteOptions = [...new Set([...sites, ...(filter.site ? [filter.site] : [])])].sort();
  const shownArticles = filter.site ? articles.filter((a) => a.site === filter.site) : articles;
  const articleItems = shownArticles.map(
    (a) => html`<li><a href="/articles/${a.id}"><bdi>${a.title || a.url}</bdi></a>
<div class="meta"><a href="/sites/${a.site}">${a.site}</a> · ${a.versions} version${a.versions === 1 ? '' : 's'}${a.active ? '' : ' · no longer checked'}</div></li>`,
  );
  return layout(
    filtered ? `Changes${filter.kind ? ` (${filter.kind})` : ''}${filter.site ? ` at ${filter.site}` : ''}` : 'Latest changes',
    html`<h1>Latest changes${filter.kind ? html` <span class="kind kind-${filter.kind}">${filter.kind}</span>` : ''}${filter.site ? html` at ${filter.site}` : ''}</h1>
${notesSection(notes, now)}
<form class="filters" method="get" action="/" role="search" aria-label="Filter changes">
<div class="field"><label for="filter-site">Site</label>
<select id="filter-site" name="site"><option value="">All sites</option>${siteOptions.map((site) => html`<option value="${site}"${site === filter.site ? html` selected` : ''}>${site}</option>`)}</select></div>
<div class="field"><label for="filter-kind">Kind of change</label>
<select id="filter-kind" name="kind"><option value="">All kinds</option>${CHANGE_KINDS.map((kind) => html`<option value="${kind}"${kind === filter.kind ? html` selected` : ''}>${kind}</option>`)}</select></div>
<button type="submit">Show</button>${filtered ? html` <a href="/">Clear filters</a>` : ''}
</form>
<p class="meta">Follow these changes: <a href="${feedPath(filter, 'xml')}">RSS</a> · <a href="${feedPath(filter, 'atom')}">Atom</a> · <a href="${feedPath(filter, 'json')}">JSON Feed</a>${filter.site ? html` · <a href="/sites/${filter.site}">the record of ${filter.site}</a>` : ''}</p>
<section aria-labelledby="changes-heading"><h2 id="changes-heading" class="visually-hidden">Changes</h2>
${changes.length ? html`<ul class="list">${changes.map((ch) => changeItem(ch, filter))}</ul>` : html`<p class="muted">No changes ${filtered ? 'match these filters' : 'seen yet'}.</p>`}
</section>
<section aria-labelledby="articles"><h2 id="articles">Tracked articles${filter.site ? html` at ${filter.site}` : ''}</h2>
${articleItems.length ? html`<ul class="list">${articleItems}</ul>` : html`<p class="muted">Nothing is tracked yet: POST a URL to <code>/api/v1/articles</code> (see the <a href="/api/docs">API</a>).</p>`}
${articlesCursor ? html`<p><a href="${homeHref(filter)}${filter.site || filter.kind ? '&' : '?'}cursor=${encodeURIComponent(articlesCursor)}#articles">More articles</a></p>` : ''}
</section>`,
    { feed: filter.site ? `/sites/${filter.site}/feed` : '/feed' },
  );
}
