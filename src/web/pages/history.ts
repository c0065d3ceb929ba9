/**
 * `/articles/:id`: the timeline of one article, newest first: every version, when it was seen,
 * headline changes, words added and removed, the kinds of each change, removals and returns, the
 * spells of failed checks, and the last change of state of the checks. A form compares any two versions.
 */
import { html } from 'hono/html';
import type { ArticleRecord, FailureSpell, LastCheck } from '../../store';
import type { ChangeCard } from '../../store/change-card';
import { describeCounts } from '../../changes/describe';
import { renderByline } from '../render-diff';
import { articleLink, webUrl } from '../links';
import { eventBadge, formatTime, kindBadges, layout, time } from './layout';

function changeEntry(article: ArticleRecord, change: ChangeCard) {
  const kinds = change.kinds;
  const anchor = `change-${change.seq}`;
  const diffLink = `/articles/${article.id}/diff/${change.from}/${change.to}`;
  if (change.event === 'removed' || change.from === change.to) {
    return html`<li class="event" id="${anchor}"><p class="ui"><strong>${change.event === 'removed' ? 'Removed from the site' : 'Back on the site, unchanged'}</strong> ${eventBadge(change.event)}</p>
<p class="meta">${time(change.at)} · ${change.event === 'removed' ? html`the page answered 404 or 410 twice in a row; version ${change.from} is the last seen` : html`the text of version ${change.to} again`} · <a href="#${anchor}" aria-label="Permalink to this event">permalink</a></p></li>`;
  }
  return html`<li id="${anchor}"><p class="ui"><strong><a href="${diffLink}">Version ${change.to}</a></strong> ${eventBadge(change.event)}${kindBadges(kinds)}</p>
${change.titleDiff ? html`<p>Headline: <del dir="auto">${change.titleDiff.old}</del> <ins dir="auto">${change.titleDiff.new}</ins></p>` : ''}
${renderByline({ byline: change.bylineDiff })}
<p class="meta">${time(change.at)} · <span>${describeCounts(change.stats, Boolean(change.titleDiff), Boolean(change.bylineDiff))}</span>${change.revertOf ? html` · back to the text of version ${change.revertOf}` : ''} · <a href="${diffLink}">diff</a> · <a href="${diffLink}?view=side">side by side</a> · ${evidenceLinks(article, change.to)} · <a href="#${anchor}" aria-label="Permalink to version ${change.to}">permalink</a></p></li>`;
}

/** Links to a version's text, its raw HTML as fetched, and its Internet Archive capture (src/web/pages/version.ts). */
function evidenceLinks(article: ArticleRecord, n: number) {
  const summary = article.versions[n - 1];
  const base = `/articles/${article.id}/versions/${n}`;
  return html`<a href="${base}" aria-label="The text of version ${n}">text</a>${summary?.snapshot ? html` · <a href="${base}/source" download aria-label="The HTML of version ${n} as fetched">source</a>` : ''}${summary?.archive?.status === 'success' && webUrl(summary.archive.url) ? html` · <a href="${webUrl(summary.archive.url)}" rel="nofollow noopener noreferrer" aria-label="The Internet Archive's capture of version ${n}">archived</a>` : ''}`;
}

function failureEntry(spell: FailureSpell, index: number) {
  return html`<li class="event failure" id="failure-${index}"><p class="ui error"><strong>Check failed</strong> (${spell.kind}${spell.status ? html`, HTTP ${spell.status}` : ''})</p>
<p class="meta">${time(spell.at)}${spell.endedAt ? html` until ${time(spell.endedAt)}` : ' · still failing'} · ${spell.error} · nothing was stored</p></li>`;
}

/** What each outcome of `lastCheck` means, as its state began. */
const STATE_BEGUN: Record<Exclude<LastCheck['outcome'], 'error'>, string> = {
  new: 'version 1 stored',
  changed: 'a new version stored',
  unchanged: 'the page read as the latest version again',
};

/**
 * The record keeps the last change of state, not the last check: a check that finds the latest
 * version's text again, or fails as the one before did, writes nothing (no KV or Durable Object
 * write for a routine check). Say so, so that "version 1 stored" an hour ago does not read as if
 * nothing had been checked since.
 */
function lastCheckLine(check: LastCheck | null) {
  if (!check) return html`<p class="meta">Not checked yet: the next cron tick checks it.</p>`;
  if (check.outcome === 'error') {
    return html`<p class="meta error" role="status">Last change of state: the check failed${check.errorKind ? html` (${check.errorKind}${check.status ? html`, HTTP ${check.status}` : ''})` : ''}${check.error ? html` — ${check.error}` : ''}, since ${time(check.since)}${check.retryAt ? html`; the site asked to wait until ${time(check.retryAt)}` : ''}. Later checks that fail the same way are not recorded.</p>`;
  }
  return html`<p class="meta" role="status">Last change of state: ${STATE_BEGUN[check.outcome]}, ${time(check.since)}. Later checks that find the same text are not recorded.</p>`;
}

export function historyPage(article: ArticleRecord, changes: ChangeCard[]) {
  const check = article.lastCheck;
  const headline = article.title ?? article.url;
  const first = article.versions[0];
  // Changes and failed spells, newest first.
  const entries = [
    ...changes.map((change) => ({ at: change.at, entry: changeEntry(article, change) })),
    ...(article.failures ?? []).map((spell, i) => ({ at: spell.at, entry: failureEntry(spell, i) })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((item) => item.entry);
  const listed = new Set(changes.map((ch) => ch.to));
  // Versions whose change is not loaded (older than the latest hundred) still get a line.
  const unlisted = article.versions.filter((v) => v.n > 1 && !listed.has(v.n)).reverse();
  const versionOptions = (selected: number) =>
    article.versions.map((v) => html`<option value="${v.n}"${v.n === selected ? html` selected` : ''}>${v.n} · ${formatTime(v.fetchedAt)}</option>`);
  const count = article.versions.length;
  return layout(
    headline,
    html`<h1 dir="auto">${headline}</h1>
<p class="meta">${articleLink(article.url)}<br>
<a href="/sites/${article.site}">${article.site}</a> · tracked since ${time(article.createdAt)}${article.active ? '' : html` · no longer checked since ${time(article.deletedAt ?? '')}`}
· follow: <a href="/articles/${article.id}/feed.xml">RSS</a>, <a href="/articles/${article.id}/feed.atom">Atom</a>, <a href="/articles/${article.id}/feed.json">JSON Feed</a></p>
${article.removedAt ? html`<p class="ui error" role="status"><strong>Removed:</strong> the page has answered 404 or 410 since ${time(article.removedAt)}.</p>` : ''}
${lastCheckLine(check)}
${
  count >= 2
    ? html`<form class="filters" method="get" action="/articles/${article.id}/compare" aria-label="Compare two versions">
<div class="field"><label for="cmp-from">From version</label> <select id="cmp-from" name="from">${versionOptions(count - 1)}</select></div>
<div class="field"><label for="cmp-to">To version</label> <select id="cmp-to" name="to">${versionOptions(count)}</select></div>
<div class="field"><label for="cmp-view">View</label> <select id="cmp-view" name="view"><option value="inline">inline</option><option value="side">side by side</option></select></div>
<button type="submit">Compare</button></form>`
    : ''
}
<h2 id="timeline">Timeline</h2>
${
  count
    ? html`<ol class="timeline" reversed>
${entries}
${unlisted.map((v) => html`<li id="change-${String(v.n).padStart(6, '0')}"><p class="ui"><strong><a href="/articles/${article.id}/diff/${v.n - 1}/${v.n}">Version ${v.n}</a></strong></p><p class="meta">${time(v.fetchedAt)} · <bdi>${v.title}</bdi></p></li>`)}
${first ? html`<li id="change-000001"><p class="ui"><strong>Version 1</strong> · first seen</p><p class="meta">${time(first.fetchedAt)} · <bdi>${first.title}</bdi> · ${evidenceLinks(article, 1)}</p></li>` : ''}
</ol>`
    : html`<p class="muted">No version stored yet.</p>`
}`,
    { feed: `/articles/${article.id}/feed` },
  );
}
