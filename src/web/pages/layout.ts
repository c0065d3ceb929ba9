/** The page frame every HTML page shares: escaped title, landmarks, one inline stylesheet. */
import { html, raw } from 'hono/html';

const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5c5c5c; --rule: #ddd; --del: #ffe1e1; --ins: #d9f5dd; --accent: #9e1b1b; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: #fff; }
header.site, main, footer.site { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 3px solid var(--accent); padding-top: .8rem; padding-bottom: .5rem; display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
header.site a.brand { font-weight: bold; font-size: 1.4rem; color: var(--accent); text-decoration: none; }
nav a { margin-right: .8rem; }
a { color: #0b4f9c; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.2rem 0 .6rem; }
h2 { font-size: 1.15rem; margin-top: 1.8rem; border-bottom: 1px solid var(--rule); }
.meta, .muted { color: var(--muted); font: 14px/1.4 system-ui, sans-serif; }
ul.list { list-style: none; padding: 0; } ul.list li { padding: .45rem 0; border-bottom: 1px solid var(--rule); }
.diff { overflow-wrap: anywhere; }
del { background: var(--del); color: #7a0000; text-decoration: line-through; }
ins { background: var(--ins); color: #005a17; text-decoration: none; }
.error { color: #8a1c00; }
table { border-collapse: collapse; width: 100%; font: 14px/1.4 system-ui, sans-serif; }
th, td { text-align: left; padding: .35rem .4rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
footer.site { margin-top: 3rem; padding-bottom: 2rem; }
`;

export function layout(title: string, body: unknown, feedPath = '/feed.xml') {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Redline</title>
<link rel="alternate" type="application/rss+xml" title="Redline changes" href="${feedPath}">
<style>${raw(STYLE)}</style>
</head>
<body>
<header class="site"><a class="brand" href="/">Redline</a><nav aria-label="Site"><a href="/">Articles</a><a href="${feedPath}">RSS feed</a></nav></header>
<main id="main">${body}</main>
<footer class="site muted">Redline watches published articles and shows every edit.</footer>
</body>
</html>`;
}

export function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}
