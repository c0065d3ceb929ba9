/**
 * Discovery sources under /api/v1: POST /sources {"url"} (auth) registers an RSS/Atom feed or a
 * sitemap and reads it once at once (so a wrong URL is a 400 now, not a silent error later);
 * GET /sources (auth) lists them with their last errors; DELETE /sources/:id (auth) stops reading one. Each cron tick
 * reads the sources that are due.
 *
 * Listing needs the token, unlike articles: an article's URL is public (pages show it), but a
 * source's URL may be a private or paid feed that carries its own key (?token=..., /feeds/<secret>),
 * and the list is the operator's monitoring setup, not something readers need.
 */
import { Hono } from 'hono';
import { limitBody } from './body-limit';
import { checkTrackableUrl } from '../check';
import { readSource, registerSource } from '../discovery';
import { settingsFrom, type Env } from '../settings';
import { deleteSource, getSource, listSources, sourceErrors } from '../store';
import { requireAdmin } from './auth';
import { jsonObjectBody, parseArticleId } from './params';

export const sources = new Hono<{ Bindings: Env }>();

sources.post(
  '/sources',
  requireAdmin,
  limitBody(16 * 1024, (c) => c.json({ error: 'request body is larger than 16 KB' }, 413)),
  async (c) => {
    const body = await jsonObjectBody(c.req);
    if (!body) return c.json({ error: 'body must be a JSON object like {"url": "https://.../feed.xml"}' }, 400);
    const settings = settingsFrom(c.env);
    const verdict = checkTrackableUrl(body.url, settings);
    if (!verdict.ok) return c.json({ error: verdict.error }, 400);
    const { source, created } = await registerSource(c.env, verdict.url);
    if (!created) return c.json(source, 200);
    const read = await readSource(c.env, settings, source, new Date());
    if (read.error) {
      await deleteSource(c.env, source.id); // never registered: the same URL may be tried again
      return c.json({ error: `cannot read ${verdict.url} as a feed or sitemap: ${read.error}` }, 400);
    }
    const stored = (await getSource(c.env.REDLINE, source.id)) ?? source;
    return c.json({ ...stored, seen: undefined, justTracked: read.tracked.length }, 201);
  },
);

/** Every source with its last error: one call to the agenda, and one KV read per source (in bulk, 100 a call). */
sources.get('/sources', requireAdmin, async (c) => {
  const listed = await listSources(c.env);
  const errors = await sourceErrors(
    c.env.REDLINE,
    listed.map((s) => s.id),
  );
  return c.json({ sources: listed.map((s) => ({ ...s, lastError: errors.get(s.id) ?? null })) });
});

/** Stops reading a source. The articles it started tracking stay tracked. */
sources.delete('/sources/:id', requireAdmin, async (c) => {
  const id = parseArticleId(c.req.param('id'));
  if (!id || !(await getSource(c.env.REDLINE, id))) return c.json({ error: 'no such source' }, 404);
  await deleteSource(c.env, id);
  return c.body(null, 204);
});
