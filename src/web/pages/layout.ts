/**
 * The page frame every HTML page shares: escaped title, landmarks (banner, navigation, main,
 * contentinfo), a skip link, feed discovery links, and one inline stylesheet. No script: pages
 * are sent with a CSP that allows none, and work the same without it.
 */
import { html, raw } from 'hono/html';
import type { ChangeKind } from '../../store';

const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #595959; --rule: #d9d9d9; --paper: #fff; --soft: #f6f5f1;
  --del: #ffe3e3; --del-ink: #7a0000; --ins: #dcf5e0; --ins-ink: #00531a; --accent: #a11212; --link: #0a4a94; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 18px/1.6 Charter, "Bitstream Charter", Georgia, "Times New Roman", serif; color: var(--ink); background: var(--paper); }
.skip { position: absolute; left: -999px; top: 0; background: #000; color: #fff; padding: .5rem 1rem; z-index: 2; }
.skip:focus { left: 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site, main, footer.site { max-width: 50rem; margin: 0 auto; padding: 0 1rem; }
main { overflow-wrap: break-word; }
.meta a, td a, code { overflow-wrap: anywhere; }
main.wide { max-width: 72rem; }
header.site { border-bottom: 3px solid var(--accent); padding-top: .7rem; padding-bottom: .5rem; display: flex; gap: .4rem 1.2rem; align-items: baseline; flex-wrap: wrap; }
header.site a.brand { font-weight: 700; font-size: 1.45rem; color: var(--accent); text-decoration: none; letter-spacing: -.01em; }
header.site nav { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
a { color: var(--link); text-underline-offset: .15em; }
a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 1.3rem 0 .5rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
.meta, .muted, .ui { color: var(--muted); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
.ui { color: var(--ink); }
ul.list, ol.timeline { list-style: none; padding: 0; margin: 0; }
ul.list li { padding: .6rem 0; border-bottom: 1px solid var(--rule); }
ul.list li > a { font-weight: 600; }
.kind { display: inline-block; font: 600 12px/1.6 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; padding: 0 .45em; border-radius: 3px; background: #eee; color: #333; margin-right: .25em; text-decoration: none; }
.kind-spelling { background: #e8eefc; color: #1e3a7a; } .kind-correction { background: #fff1c7; color: #6b4a00; }
.kind-headline { background: #f3e3ff; color: #5a1f80; } .kind-addition { background: var(--ins); color: var(--ins-ink); }
.kind-removal { background: var(--del); color: var(--del-ink); } .kind-rewrite { background: #ffd9c2; color: #7a2e00; }
.kind-minor { background: #eee; color: #444; } .kind-event { background: #333; color: #fff; }
.diff { overflow-wrap: anywhere; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; text-decoration-thickness: 1px; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none; }
.edit { scroll-margin-top: 4rem; }
details.fold { margin: .6rem 0; color: var(--muted); }
details.fold > summary { cursor: pointer; font: 14px/1.6 system-ui, sans-serif; color: var(--link); padding: .3rem .5rem; background: var(--soft); border-radius: 4px; list-style-position: inside; }
details.fold[open] { color: var(--ink); }
table.sbs tr.folded td { background: var(--soft); }
.edit:target { outline: 3px solid #f5a623; outline-offset: 2px; }
a.pin { font: 11px/1 system-ui, sans-serif; vertical-align: super; color: var(--muted); text-decoration: none; margin: 0 .1em; }
a.pin:hover { color: var(--link); text-decoration: underline; }
.error { color: #8a1c00; }
table { border-collapse: collapse; width: 100%; }
table.data { font: 14px/1.45 system-ui, sans-serif; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.sbs { table-layout: fixed; font-size: 16px; }
table.sbs th { font: 600 14px/1.4 system-ui, sans-serif; background: var(--soft); }
table.sbs td { width: 50%; overflow-wrap: anywhere; }
table.sbs td:first-child { border-right: 1px solid var(--rule); }
table.sbs tr.changed td { background: #fffdf4; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .8rem 0; font: 14px/1.4 system-ui, sans-serif; }
.toggle { display: inline-flex; border: 1px solid var(--link); border-radius: 4px; overflow: hidden; }
.toggle a { padding: .3rem .7rem; text-decoration: none; }
.toggle a[aria-current="page"] { background: var(--link); color: #fff; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; font: 15px/1.4 system-ui, sans-serif; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; padding: .7rem .8rem; background: var(--soft); border-radius: 6px; font: 14px/1.4 system-ui, sans-serif; }
form.filters .field { display: flex; flex-direction: column; gap: .2rem; }
form.filters label { font-weight: 600; }
select, button { font: inherit; padding: .35rem .5rem; min-height: 2.2rem; }
button { background: var(--link); color: #fff; border: 0; border-radius: 4px; padding: .35rem 1rem; cursor: pointer; }
ol.timeline { border-left: 3px solid var(--rule); margin-left: .4rem; }
ol.timeline > li { position: relative; padding: .2rem 0 1.1rem 1.2rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -.55rem; top: .55rem; width: .8rem; height: .8rem; border-radius: 50%; background: var(--accent); border: 2px solid var(--paper); }
ol.timeline > li.event::before { background: #333; }
ol.timeline > li:target { background: #fffbe6; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .8rem; margin: 1rem 0; }
.stat { background: var(--soft); border-radius: 6px; padding: .7rem .9rem; font: 14px/1.4 system-ui, sans-serif; }
.stat b { display: block; font: 700 1.6rem/1.2 Charter, Georgia, serif; }
code, pre { font: 14px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; }
pre { background: var(--soft); padding: .7rem; overflow-x: auto; border-radius: 4px; }
footer.site { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); }
@media (max-width: 40rem) {
  body { font-size: 17px; }
  h1 { font-size: 1.4rem; }
  table.sbs thead { display: none; }
  table.sbs, table.sbs tbody, table.sbs tr, table.sbs td { display: block; width: 100%; }
  table.sbs td:first-child { border-right: 0; }
  table.sbs tr:not(.changed):not(.folded) td:first-child { display: none; }
  table.sbs td::before { content: attr(data-label); display: block; font: 600 12px/1.4 system-ui, sans-serif; color: var(--muted); text-transform: uppercase; }
  table.data thead { display: none; }
  table.data tr { display: block; border-bottom: 1px solid var(--rule); padding: .4rem 0; }
  table.data td { display: block; border: 0; padding: .1rem 0; }
}
`;

export interface LayoutOptions {
  /** The feed of this page's changes, without extension: "/feed" or "/articles/<id>/feed". */
  feed?: string;
  /** A wider main column (the side-by-side diff). */
  wide?: boolean;
  /** A picture of the page for link previews (og:image, twitter:image): absolute URL and alt text. */
  image?: { url: string; alt: string; width: number; height: number };
  /**
   * The page's referrer policy (default no-referrer). The admin pages use same-origin: under
   * no-referrer Chromium posts a page's own forms with `Origin: null`, which the admin refuses.
   */
  referrer?: 'no-referrer' | 'same-origin';
}

function previewTags(title: string, image: NonNullable<LayoutOptions['image']>) {
  return html`<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:image" content="${image.url}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${title}">
<meta name="twitter:image" content="${image.url}">
<meta name="twitter:image:alt" content="${image.alt}">
`;
}

export function layout(title: string, body: unknown, options: LayoutOptions = {}) {
  const feed = options.feed ?? '/feed';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="${options.referrer ?? 'no-referrer'}">
<title>${title} · Redline</title>
${options.image ? previewTags(title, options.image) : ''}<link rel="alternate" type="application/rss+xml" title="Redline changes (RSS)" href="${feed}.xml">
<link rel="alternate" type="application/atom+xml" title="Redline changes (Atom)" href="${feed}.atom">
<link rel="alternate" type="application/feed+json" title="Redline changes (JSON Feed)" href="${feed}.json">
<style>${raw(STYLE)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="/">Redline</a><nav aria-label="Redline"><a href="/">Latest changes</a><a href="/#articles">Tracked articles</a><a href="${feed}.xml">RSS</a><a href="${feed}.atom">Atom</a><a href="${feed}.json">JSON Feed</a><a href="/api/docs">API</a></nav></header>
<main id="main"${options.wide ? raw(' class="wide"') : ''}>${body}</main>
<footer class="site muted">Redline watches published articles and shows every edit, word by word. Text shown here comes from the pages as published; nothing from them runs here.</footer>
</body>
</html>`;
}

export function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

/** A <time> element: machine-readable datetime, readable text. */
export function time(iso: string) {
  return html`<time datetime="${iso}">${formatTime(iso)}</time>`;
}

export function kindBadges(kinds: readonly ChangeKind[], linkTo?: (kind: ChangeKind) => string) {
  return kinds.map((kind) =>
    linkTo ? html`<a class="kind kind-${kind}" href="${linkTo(kind)}">${kind}</a>` : html`<span class="kind kind-${kind}">${kind}</span>`,
  );
}

export function eventBadge(event: string) {
  return event === 'edit'
    ? ''
    : html`<span class="kind kind-event">${event === 'removed' ? 'removed from site' : event === 'restored' ? 'back online' : 'revert'}</span>`;
}
