/**
 * `/articles/:id/versions/:n`: one version's text as it stood when Redline stored it, with links
 * to the diffs that made it and replaced it, to its raw HTML (the evidence) and to the Internet
 * Archive's capture when there is one. Every word from the page is escaped.
 */
import { html } from 'hono/html';
import type { ArticleRecord, VersionRecord } from '../../store';
import { articleLink, webUrl } from '../links';
import { layout, time } from './layout';

function kilobytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

export function versionPage(article: ArticleRecord, version: VersionRecord) {
  const n = version.n;
  const count = article.versions.length;
  const summary = article.versions[n - 1];
  const base = `/articles/${article.id}`;
  const paragraphs = version.text.split(/\n{2,}/).filter((p) => p.trim());
  const archive = summary?.archive;
  return layout(
    `${version.title || article.url} (version ${n})`,
    html`<p class="meta"><a href="${base}">← History of this article</a></p>
<h1>${version.title || article.url}</h1>
<p class="meta">Version ${n} of ${count}${summary?.revertOf ? html` · the text of version ${summary.revertOf} again` : ''} · stored ${time(version.fetchedAt)}${version.byline ? html` · ${version.byline}` : ''}${version.publishedAt ? html` · published ${time(version.publishedAt)}` : ''}<br>
as fetched from ${articleLink(version.url)}</p>
<nav class="toolbar" aria-label="This version">
${n > 1 ? html`<a href="${base}/diff/${n - 1}/${n}">What changed from version ${n - 1}</a>` : html`<span class="muted">The first version seen</span>`}
${n < count ? html`<a href="${base}/diff/${n}/${n + 1}">What changed in version ${n + 1}</a>` : html`<span class="muted">The latest version</span>`}
${n > 1 ? html`<a href="${base}/versions/${n - 1}" rel="prev">← Version ${n - 1}</a>` : ''}
${n < count ? html`<a href="${base}/versions/${n + 1}" rel="next">Version ${n + 1} →</a>` : ''}
</nav>
<section aria-labelledby="evidence-heading"><h2 id="evidence-heading">Evidence</h2>
<ul class="list">
${
  version.snapshot
    ? html`<li><a href="${base}/versions/${n}/source" download>Download the HTML as fetched</a> <span class="meta">(${kilobytes(version.snapshot.bytes)}${version.snapshot.contentType ? html`, ${version.snapshot.contentType}` : ''}; SHA-256 <code>${version.snapshot.sha256}</code>)</span></li>`
    : html`<li class="muted">No copy of the raw HTML was kept for this version.</li>`
}
${
  archive?.status === 'success' && webUrl(archive.url)
    ? html`<li>${articleLink(archive.url ?? '', "The Internet Archive's capture")} <span class="meta">(requested ${time(archive.requestedAt)})</span></li>`
    : archive
      ? html`<li class="meta">Internet Archive capture ${archive.status === 'pending' ? 'requested' : html`failed: ${archive.error ?? 'unknown error'}`} (${time(archive.requestedAt)})</li>`
      : ''
}
<li><a href="/api/v1/articles/${article.id}/versions/${n}">This version as JSON</a></li>
</ul></section>
<section aria-labelledby="text-heading"><h2 id="text-heading">The text as it stood</h2>
<article class="version-text">${paragraphs.length ? paragraphs.map((p) => html`<p>${p}</p>`) : html`<p class="muted">(no body text)</p>`}</article>
</section>`,
    { feed: `${base}/feed` },
  );
}
