/** The Hono app: the JSON API, the feeds and the pages, with errors handled in one place. */
import { Hono } from 'hono';
import type { Env } from '../settings';
import { api } from './api';
import { cardRoutes } from './card-route';
import { answerError } from './errors';
import { feeds } from './feeds/routes';
import { admin } from './admin/routes';
import { evidencePages } from './pages/evidence-routes';
import { pages } from './pages/routes';
import { sources } from './sources';
import { transfer } from './transfer';

export const app = new Hono<{ Bindings: Env }>();

app.route('/api/v1', transfer);
app.route('/api/v1', sources);
app.route('/api/v1', api);
app.route('/', feeds);
app.route('/admin', admin);
app.route('/', evidencePages);
// Before the pages: `/articles/:id/diff/:from/:to` would also match `2.png` as `:to`.
app.route('/', cardRoutes);
app.route('/', pages);

app.onError(answerError);

// The API answers JSON even for a path or method it does not have; pages answer text.
app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404) : c.text('Not found', 404)));
