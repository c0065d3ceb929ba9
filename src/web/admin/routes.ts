/**
 * `/admin`: Redline run from a browser. Every action is a POST form carrying the session's CSRF
 * token; without a session, or with a token that does not match, nothing is done (403). Answers
 * are never cached, and pages carry the same no-script CSP as every other page.
 *
 *   GET  /admin                             sign-in form, or the dashboard
 *   POST /admin/sign-in                     token -> session cookie
 *   POST /admin/sign-out
 *   POST /admin/track                       url
 *   POST /admin/articles/:id/check | /untrack
 *   POST /admin/sources                     url (a feed or sitemap, read once at once)
 *   POST /admin/sources/:id/remove
 */
import { Hono, type Context } from 'hono';
import { limitBody } from '../body-limit';
import { getCookie } from 'hono/cookie';
import { checkArticle, checkTrackableUrl, trackUrl, untrack } from '../../check';
import { readSource, registerSource } from '../../discovery';
import { settingsFrom, type Env } from '../../settings';
import { clearPending, deleteSource, getArticle, getSource, listArticles, listSources, sourceErrors } from '../../store';
import { recentDeliveries, webhookEntries, type WebhookEnv } from '../../notify/webhooks';
import { checkToken, timingSafeEqual } from '../auth';
import { parseArticleId, parseCursor } from '../params';
import { PAGE_CSP } from '../pages/routes';
import { dashboardPage, type Notice, problemPage, signInPage } from './pages';
import {
  closeSession,
  cookie,
  findSession,
  issueSignInToken,
  openSession,
  SESSION_COOKIE,
  SESSION_SECONDS,
  SIGN_IN_COOKIE,
  SIGN_IN_SECONDS,
  type Session,
  validSignInToken,
} from './session';
import { sha256Hex } from '../../model/sha256';

type AdminEnv = { Bindings: Env; Variables: { session: Session } };
type AdminContext = Context<AdminEnv>;

export const admin = new Hono<AdminEnv>();

/** Articles shown per dashboard page (each is one KV read). */
const ARTICLES_PER_PAGE = 50;

admin.use(async (c, next) => {
  await next();
  c.header('content-security-policy', PAGE_CSP);
  c.header('x-content-type-options', 'nosniff');
  // same-origin, not no-referrer: under no-referrer Chromium posts our own forms with Origin: null,
  // which crossOrigin() refuses. Other sites still get no referrer from these pages.
  c.header('referrer-policy', 'same-origin');
  c.header('cache-control', 'no-store');
});

admin.use(limitBody(16 * 1024, (c) => c.html(problemPage('Too large', 'A form is at most 16 KB.'), 413)));

/**
 * A POST from a page of another origin, or from an opaque one (`Origin: null`: a sandboxed frame,
 * a data: URL, a page under no-referrer): refused whatever it carries. Our own pages send
 * Referrer-Policy: same-origin, so the browser names our origin on their forms. A request with no
 * Origin at all (not a browser's form) still needs the CSRF token.
 */
function crossOrigin(c: AdminContext): boolean {
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== new URL(c.req.url).origin;
}

async function formOf(c: AdminContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => ({}));
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

async function signInForm(c: AdminContext, adminToken: string, notice: Notice | null, status: 200 | 401 | 403 | 429 = 200) {
  const csrf = await issueSignInToken(adminToken);
  c.header('set-cookie', cookie(SIGN_IN_COOKIE, csrf, SIGN_IN_SECONDS), { append: true });
  return c.html(signInPage(csrf, notice), status);
}

admin.get('/', async (c) => {
  if (!c.env.ADMIN_TOKEN)
    return c.html(problemPage('Admin is off', 'This Worker has no ADMIN_TOKEN secret: set one (wrangler secret put ADMIN_TOKEN) to use the admin pages.'), 503);
  const session = await findSession(c.env.REDLINE, c.env.ADMIN_TOKEN, getCookie(c, SESSION_COOKIE));
  if (!session) return signInForm(c, c.env.ADMIN_TOKEN, null);
  const cursor = parseCursor(c.req.query('cursor'));
  const listed = await listArticles(c.env.REDLINE, cursor ?? null, ARTICLES_PER_PAGE).catch(() => ({ articles: [], cursor: null }));
  const [articles, sources, deliveries] = await Promise.all([
    Promise.all(listed.articles.map((a) => getArticle(c.env.REDLINE, a.id))),
    listSources(c.env).then(async (all) => {
      const errors = await sourceErrors(
        c.env.REDLINE,
        all.map((s) => s.id),
      );
      return all.map((s) => ({ ...s, lastError: errors.get(s.id) ?? null }));
    }),
    recentDeliveries(c.env.REDLINE, 30),
  ]);
  const notice = await noticeOf(c, session.csrf);
  const webhooks = webhookEntries(c.env as WebhookEnv);
  return c.html(
    dashboardPage({
      csrf: session.csrf,
      notice,
      articles: articles.filter((a) => a !== null),
      cursor: listed.cursor,
      sources,
      deliveries,
      webhooksConfigured: webhooks.urls.length,
      webhooksInvalid: webhooks.invalid,
      snapshots: Boolean(c.env.SNAPSHOTS),
      saveCaptures: c.env.SAVE_PAGE_NOW === 'true',
    }),
  );
});

admin.post('/sign-in', async (c) => {
  const token = c.env.ADMIN_TOKEN;
  if (!token) return c.html(problemPage('Admin is off', 'This Worker has no ADMIN_TOKEN secret.'), 503);
  const form = await formOf(c);
  const expected = getCookie(c, SIGN_IN_COOKIE);
  // Double submit, and the token must be one this Worker signed: a cookie someone else set, with
  // the same value in the form, is not enough.
  if (crossOrigin(c) || !expected || !form.csrf || !timingSafeEqual(form.csrf, expected) || !(await validSignInToken(token, form.csrf))) {
    return signInForm(c, token, { ok: false, text: 'the sign-in form had expired or did not come from this site; try again' }, 403);
  }
  if (!form.token) return signInForm(c, token, { ok: false, text: 'that is not the admin token' }, 401);
  const verdict = await checkToken(c.env, c.req.raw, form.token, token);
  if (verdict.retryAfterSeconds !== null) {
    c.header('retry-after', String(verdict.retryAfterSeconds));
    return signInForm(
      c,
      token,
      { ok: false, text: `too many wrong tokens from this address: try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} min` },
      429,
    );
  }
  if (!verdict.ok) return signInForm(c, token, { ok: false, text: 'that is not the admin token' }, 401);
  const { id } = await openSession(c.env.REDLINE, token);
  c.header('set-cookie', cookie(SESSION_COOKIE, id, SESSION_SECONDS), { append: true });
  c.header('set-cookie', cookie(SIGN_IN_COOKIE, '', 0), { append: true });
  return c.redirect('/admin', 303);
});

/** Every other POST: a live session and its CSRF token, from this origin, or nothing happens. */
admin.use('/*', async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const session = await findSession(c.env.REDLINE, c.env.ADMIN_TOKEN, getCookie(c, SESSION_COOKIE));
  if (!session) return c.html(problemPage('Sign in first', 'This form needs an admin session: sign in at /admin.'), 403);
  const form = await formOf(c);
  if (crossOrigin(c) || !form.csrf || !timingSafeEqual(form.csrf, session.csrf)) {
    return c.html(problemPage('Refused', "This form did not come from this site's admin page (its CSRF token is missing or wrong). Nothing was done."), 403);
  }
  c.set('session', session);
  await next();
});

/**
 * The outcome of a form, carried to the dashboard in its URL and signed with the session's CSRF
 * token, so a link from elsewhere cannot make the dashboard show words of its choosing.
 */
const noticeSignature = async (csrf: string, ok: boolean, text: string) => (await sha256Hex(`${csrf}\n${ok ? 'done' : 'failed'}\n${text}`)).slice(0, 24);

async function noticeOf(c: AdminContext, csrf: string): Promise<{ ok: boolean; text: string } | null> {
  const done = c.req.query('done');
  const text = done ?? c.req.query('failed');
  const signature = c.req.query('sig');
  if (text === undefined || !signature) return null;
  return timingSafeEqual(signature, await noticeSignature(csrf, done !== undefined, text)) ? { ok: done !== undefined, text } : null;
}

async function answerWith(c: AdminContext, ok: boolean, text: string) {
  const signature = await noticeSignature(c.get('session').csrf, ok, text);
  return c.redirect(`/admin?${ok ? 'done' : 'failed'}=${encodeURIComponent(text)}&sig=${signature}`, 303);
}
const done = (c: AdminContext, text: string) => answerWith(c, true, text);
const failed = (c: AdminContext, text: string) => answerWith(c, false, text);

admin.post('/sign-out', async (c) => {
  await closeSession(c.env.REDLINE, getCookie(c, SESSION_COOKIE));
  c.header('set-cookie', cookie(SESSION_COOKIE, '', 0), { append: true });
  return c.redirect('/admin', 303);
});

admin.post('/track', async (c) => {
  const verdict = checkTrackableUrl((await formOf(c)).url, settingsFrom(c.env));
  if (!verdict.ok) return failed(c, verdict.error);
  const { article, created } = await trackUrl(c.env, verdict.url);
  return done(c, created ? `tracking ${article.url}; the next cron tick stores its first version` : `${article.url} was tracked already`);
});

admin.post('/articles/:id/check', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const article = id ? await getArticle(c.env.REDLINE, id) : null;
  if (!article) return failed(c, 'no such article');
  if (!article.active) return failed(c, `${article.url} is no longer tracked`);
  const result = await checkArticle(c.env, settingsFrom(c.env), article.id);
  if (result.version === 1) await clearPending(c.env, [article.id]);
  if (result.error) return failed(c, `checking ${article.url}: ${result.error}`);
  return done(c, result.changed ? `checked ${article.url}: stored version ${result.version}` : `checked ${article.url}: no change`);
});

admin.post('/articles/:id/untrack', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const article = id ? await getArticle(c.env.REDLINE, id) : null;
  if (!article) return failed(c, 'no such article');
  await untrack(c.env, article.id);
  return done(c, `stopped checking ${article.url}; its history stays readable`);
});

admin.post('/sources', async (c) => {
  const settings = settingsFrom(c.env);
  const verdict = checkTrackableUrl((await formOf(c)).url, settings);
  if (!verdict.ok) return failed(c, verdict.error);
  const { source, created } = await registerSource(c.env, verdict.url);
  if (!created) return done(c, `${source.url} is registered already`);
  const read = await readSource(c.env, settings, source, new Date());
  if (read.error) {
    await deleteSource(c.env, source.id); // never registered: the same URL may be tried again
    return failed(c, `cannot read ${verdict.url} as a feed or sitemap: ${read.error}`);
  }
  return done(c, `added ${source.url}; it started tracking ${read.tracked.length} article${read.tracked.length === 1 ? '' : 's'}`);
});

admin.post('/sources/:id/remove', async (c) => {
  const id = parseArticleId(c.req.param('id'));
  const source = id ? await getSource(c.env.REDLINE, id) : null;
  if (!source) return failed(c, 'no such source');
  await deleteSource(c.env, source.id);
  return done(c, `stopped reading ${source.url}; the articles it found stay tracked`);
});
