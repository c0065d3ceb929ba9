/**
 * What the OpenAPI document says beyond the routes' own schemas: its title and server, the bearer
 * scheme, and the routes mounted from other modules (src/web/transfer.ts: export, import;
 * src/web/sources.ts: sources). A route added to those modules needs its entry here.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { authResponses, errorResponse, jsonContent, SourceIdParams, SourceListingSchema, SourceSchema, StoredSourceSchema } from './openapi-schemas';

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];

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

const SourceRequest = z
  .object({ url: z.string().openapi({ description: 'An RSS/Atom feed or a sitemap.', example: 'https://www.example.com/rss.xml' }) })
  .openapi('SourceRequest');

export function registerOtherRoutes(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: "The Worker's ADMIN_TOKEN." });
  registry.registerPath({
    method: 'get',
    path: '/export',
    summary: 'Export everything',
    description: 'Every article, version, change and source as NDJSON (one JSON object a line), streamed.',
    security: [{ bearer: [] }],
    responses: { 200: { description: 'The export.', content: { 'application/x-ndjson': { schema: z.string() } } }, ...authResponses },
  });
  registry.registerPath({
    method: 'post',
    path: '/import',
    summary: 'Import an export',
    description:
      'Restores an export into an empty namespace (no article, no source). The whole body is checked before anything is written: each line against the schemas of the records it holds (Article, a Version with its hash, url, publishedAt, canonicalUrl and lang, a Change with its Diff, a Source), strictly (an unknown field is refused), then against the others (ids derived from URLs, http(s) URLs only, versions 1..n each once, every change tied to versions that exist). A refusal names the line.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/x-ndjson': { schema: z.string() } }, required: true } },
    responses: {
      201: jsonContent(z.object({ imported: z.record(z.string(), z.number().int()) }), 'Counts of what was imported.'),
      400: errorResponse('A bad line, named in the message: nothing was written.'),
      409: errorResponse('The namespace already holds articles.'),
      413: errorResponse('Over the import size limit (100 MB), with or without a Content-Length: nothing was written.'),
      ...authResponses,
    },
  });
  registerSourceRoutes(registry);
}

/** POST /sources, GET /sources and DELETE /sources/{id} (src/web/sources.ts). */
function registerSourceRoutes(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/sources',
    summary: 'Register a source of articles',
    description: 'An RSS/Atom feed or sitemap whose new articles are tracked automatically.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: SourceRequest } }, required: true } },
    responses: {
      201: jsonContent(
        SourceSchema.extend({ etag: z.string().nullable(), lastModified: z.string().nullable(), justTracked: z.number().int() }),
        'The source, read once: how many articles it started tracking.',
      ),
      200: jsonContent(StoredSourceSchema, 'The source was registered already.'),
      400: errorResponse('Not a usable URL, or not readable as a feed or sitemap.'),
      413: errorResponse('Body over 16 KB.'),
      ...authResponses,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/sources',
    summary: 'List the sources of articles',
    description: 'Needs the token: a source URL may be a private feed that carries its own key.',
    security: [{ bearer: [] }],
    responses: { 200: jsonContent(z.object({ sources: z.array(SourceListingSchema) }), 'Every registered source.'), ...authResponses },
  });
  registry.registerPath({
    method: 'delete',
    path: '/sources/{id}',
    summary: 'Stop reading a source',
    description: 'The articles it started tracking stay tracked. Export and import carry sources with the articles.',
    security: [{ bearer: [] }],
    request: { params: SourceIdParams },
    responses: { 204: { description: 'Deleted: no tick reads it again.' }, 404: errorResponse('No such source.'), ...authResponses },
  });
}
