/**
 * A version as a page, and its raw HTML as a download:
 *
 *   /articles/:id/versions/:n          the text as it stood (HTML page, same layout and CSP as the others)
 *   /articles/:id/versions/:n/source   the HTML as fetched, from R2: an attachment, never a page
 *
 * The source is somebody else's HTML. Served from our origin as a page it could run script here
 * and read anything this origin can, so it goes out as application/octet-stream with
 * Content-Disposition: attachment, nosniff and a sandboxing CSP: a browser saves it, and even one
 * that ignored all of that would render it in an opaque origin with scripts off.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Env } from '../../settings';
import { getSnapshot } from '../../evidence/snapshots';
import { getArticle, getVersion, type ArticleRecord, type VersionRecord } from '../../store';
import { parseArticleId, parseVersionNumber } from '../params';
import { layout } from './layout';
import { PAGE_CSP } from './routes';
import { versionPage } from './version';

export const evidencePages = new Hono<{ Bindings: Env }>();

/** For the raw HTML: render nothing, run nothing, even if a browser were to render it. */
export const SOURCE_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

const problem = (title: string, message: string) => layout(title, html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the latest changes</a></p>`);

type Found = { ok: true; article: ArticleRecord; version: VersionRecord } | { ok: false; error: string };

async function findVersion(env: Env, rawId: string, rawN: string): Promise<Found> {
  const id = parseArticleId(rawId);
  const article = id ? await getArticle(env.REDLINE, id) : null;
  if (!article) return { ok: false, error: 'No such article.' };
  const n = parseVersionNumber(rawN);
  if (n === null) return { ok: false, error: 'Versions are positive whole numbers.' };
  const version = await getVersion(env.REDLINE, article.id, n);
  if (!version) return { ok: false, error: `This article has ${article.versions.length} version${article.versions.length === 1 ? '' : 's'}.` };
  return { ok: true, article, version };
}

evidencePages.get('/articles/:id/versions/:n', async (c) => {
  const found = await findVersion(c.env, c.req.param('id'), c.req.param('n'));
  c.header('content-security-policy', PAGE_CSP);
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  return found.ok ? c.html(versionPage(found.article, found.version)) : c.html(problem('Not found', found.error), 404);
});

evidencePages.get('/articles/:id/versions/:n/source', async (c) => {
  const found = await findVersion(c.env, c.req.param('id'), c.req.param('n'));
  const notFound = (message: string) => {
    const response = c.text(message, 404);
    response.headers.set('x-content-type-options', 'nosniff');
    return response;
  };
  if (!found.ok) return notFound(found.error);
  const { article, version } = found;
  if (!version.snapshot) return notFound(`No raw HTML was kept for version ${version.n}.`);
  if (!c.env.SNAPSHOTS) return notFound('This Redline keeps no raw HTML (no SNAPSHOTS bucket is bound).');
  const raw = await getSnapshot(c.env.SNAPSHOTS, version.snapshot.sha256);
  if (!raw) return notFound(`The raw HTML of version ${version.n} is missing from the bucket.`);
  const digest = btoa(String.fromCharCode(...new Uint8Array(hexToBytes(version.snapshot.sha256))));
  return new Response(raw, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="redline-${article.id}-v${version.n}.html"`,
      'content-security-policy': SOURCE_CSP,
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'cache-control': 'public, max-age=86400, immutable',
      'repr-digest': `sha-256=:${digest}:`,
      'x-redline-sha256': version.snapshot.sha256,
      ...(version.snapshot.contentType ? { 'x-redline-source-content-type': version.snapshot.contentType.replace(/[^\x20-\x7e]/g, '') } : {}),
    },
  });
});

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
