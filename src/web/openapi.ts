/**
 * What the OpenAPI document says beyond the routes' own schemas: its title and server, the bearer
 * scheme, and the routes mounted from other modules (export and import; sources when it lands).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];
import { errorResponse, jsonContent } from './openapi-schemas';

export function documentInfo(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Redline API',
      version: '1',
      description:
        'Redline tracks news articles, keeps every version and publishes word-level diffs of their edits. JSON in and out; errors are {"error": message} with a 4xx or 5xx status. Mutations need `authorization: Bearer $ADMIN_TOKEN`.',
    },
    servers: [{ url: `${origin}/api/v1` }],
  };
}

const SourceRequest = z.object({ url: z.string().openapi({ description: 'An RSS/Atom feed or a sitemap.', example: 'https://www.example.com/rss.xml' }) }).openapi('SourceRequest');

export function registerOtherRoutes(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'The Worker\'s ADMIN_TOKEN.' });
  const auth = { 401: errorResponse('Missing or wrong bearer token.'), 503: errorResponse('ADMIN_TOKEN is not configured.') };
  registry.registerPath({
    method: 'get',
    path: '/export',
    summary: 'Export everything',
    description: 'Every article, version and change as NDJSON (one JSON object a line), streamed.',
    security: [{ bearer: [] }],
    responses: { 200: { description: 'The export.', content: { 'application/x-ndjson': { schema: z.string() } } }, ...auth },
  });
  registry.registerPath({
    method: 'post',
    path: '/import',
    summary: 'Import an export',
    description: 'Restores an export into an empty namespace; the whole body is checked before anything is written.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/x-ndjson': { schema: z.string() } }, required: true } },
    responses: {
      201: jsonContent(z.object({ imported: z.record(z.string(), z.number().int()) }), 'Counts of what was imported.'),
      400: errorResponse('A bad line: nothing was written.'),
      409: errorResponse('The namespace already holds articles.'),
      413: errorResponse('Over the import size limit.'),
      ...auth,
    },
  });
}

/**
 * POST /sources, described ahead of the route: call this from registerOtherRoutes once the
 * route is mounted, so the document never lists a call that answers 404.
 */
export function registerSourcesRoute(registry: OpenAPIRegistry): void {
  const auth = { 401: errorResponse('Missing or wrong bearer token.'), 503: errorResponse('ADMIN_TOKEN is not configured.') };
  registry.registerPath({
    method: 'post',
    path: '/sources',
    summary: 'Register a source of articles',
    description: 'An RSS/Atom feed or sitemap whose new articles are tracked automatically.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: SourceRequest } }, required: true } },
    responses: { 201: jsonContent(z.object({}).passthrough(), 'The source.'), 400: errorResponse('Not a usable URL.'), ...auth },
  });
}
