/** `/sites/:host`: the record of one outlet, its latest changes and its feeds. */
import { html } from 'hono/html';
import { CHANGE_KINDS } from '../../diff/kind';
import type { ChangeSummary } from '../../store';
import { formatDuration, type SiteRecord } from '../site-record';
import { changeItem } from './home';
import { layout } from './layout';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

export function sitePage(record: SiteRecord, recent: ChangeSummary[]) {
  const site = record.site;
  return layout(
    `The record of ${site}`,
    html`<h1>The record of ${site}</h1>
<p class="meta">How this outlet edits what it has published, as Redline saw it. Follow its changes: <a href="/sites/${site}/feed.xml">RSS</a> · <a href="/sites/${site}/feed.atom">Atom</a> · <a href="/sites/${site}/feed.json">JSON Feed</a> · <a href="/api/v1/sites/${site}">JSON</a></p>
<section aria-labelledby="record-heading"><h2 id="record-heading">Record</h2>
<div class="stats">
<div class="stat"><b>${record.articlesTracked}</b> articles tracked</div>
<div class="stat"><b>${record.articlesChanged}</b> articles changed</div>
<div class="stat"><b>${record.changes}</b> changes</div>
<div class="stat"><b>${percent(record.silentEditShare)}</b> silent edits <span class="muted">(${record.silentEdits} of ${record.substantiveEdits} substantive edits carried no correction notice)</span></div>
<div class="stat"><b>${record.medianSecondsToFirstChange === null ? '—' : formatDuration(record.medianSecondsToFirstChange)}</b> median time from first sight to first change</div>
</div>
<table class="data"><caption class="visually-hidden">Changes by kind</caption><thead><tr><th scope="col">Kind of change</th><th scope="col">Changes</th></tr></thead>
<tbody>${CHANGE_KINDS.map((kind) => html`<tr><td><a class="kind kind-${kind}" href="/?site=${site}&amp;kind=${kind}">${kind}</a></td><td>${record.changesByKind[kind]}</td></tr>`)}
<tr><td>removed from the site</td><td>${record.events.removed}</td></tr><tr><td>back online</td><td>${record.events.restored}</td></tr><tr><td>reverts</td><td>${record.events.revert}</td></tr></tbody></table>
<p class="meta">A substantive edit changes the headline or adds, removes or rewrites words (spelling and punctuation fixes are not counted); it is silent when no correction, clarification or editor's note was added with it.</p>
</section>
<section aria-labelledby="recent-heading"><h2 id="recent-heading">Latest changes</h2>
${recent.length ? html`<ul class="list">${recent.map((ch) => changeItem(ch, { site }))}</ul>` : html`<p class="muted">No change seen at ${site} yet.</p>`}
<p><a href="/?site=${site}">All changes and articles at ${site}</a></p></section>`,
    { feed: `/sites/${site}/feed` },
  );
}
