/**
 * The API's schemas, once: the routes validate requests with them and the OpenAPI document is
 * generated from them (src/web/openapi.ts). Messages are the API's error messages.
 */
import { z } from '@hono/zod-openapi';
import { CHANGE_KINDS } from '../diff/kind';
import { MAX_BODY_PATH } from '../extract/body-path';
import { CURSOR_MESSAGE } from './page-cursor';
import { ARTICLE_ID } from './params';

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 1000';
const VERSION_MESSAGE = 'version must be a positive whole number';
const FROM_TO_MESSAGE = 'from and to must be positive whole numbers';
const KIND_MESSAGE = `kind must be one of ${CHANGE_KINDS.join(', ')}`;

export const ErrorSchema = z.object({ error: z.string().openapi({ example: 'no such article' }) }).openapi('Error');

export const ChangeKindSchema = z.enum(CHANGE_KINDS).openapi('ChangeKind', {
  description:
    "spelling: a few short words swapped for near-identical ones; correction: a correction, clarification or editor's note was added; headline: the headline changed; addition / removal: words added / removed; rewrite: a large share of the text replaced; minor: punctuation or whitespace only.",
});

// ---- request parts ----------------------------------------------------------------------------

export const ArticleIdParams = z.object({
  id: z
    .string()
    .regex(ARTICLE_ID, 'no such article')
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Article id: 16 hex digits, derived from the URL.', example: '3f2a9c0d41b7e865' }),
});

export const VersionParams = ArticleIdParams.extend({
  n: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, VERSION_MESSAGE)
    .openapi({ param: { name: 'n', in: 'path' }, description: 'Version number, from 1.', example: '2' }),
});

export const SiteParams = z.object({
  host: z
    .string()
    .min(1)
    .max(253)
    .openapi({ param: { name: 'host', in: 'path' }, description: "The outlet: the host name of its articles' URLs.", example: 'www.nytimes.com' }),
});

const cursor = z
  .string()
  .regex(/^[A-Za-z0-9_\-.=+/]{0,1024}$/, CURSOR_MESSAGE)
  .optional()
  .openapi({ description: 'The `cursor` of the previous page.' });

const limit = (fallback: number) =>
  z
    .string()
    .regex(/^[0-9]{1,4}$/, LIMIT_MESSAGE)
    .refine((raw) => Number(raw) >= 1 && Number(raw) <= 1000, LIMIT_MESSAGE)
    .optional()
    .openapi({ description: `Items per page, 1 to 1000 (default ${fallback}).` });

export const ArticlesQuery = z.object({ cursor, limit: limit(100) });

export const ChangesQuery = z.object({
  cursor,
  limit: limit(50),
  kind: z.enum(CHANGE_KINDS, { error: KIND_MESSAGE }).optional().openapi({ description: 'Only changes of this kind.', example: 'spelling' }),
  site: z.string().max(253).optional().openapi({ description: 'Only changes at this outlet (host name).', example: 'www.nytimes.com' }),
});

const versionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, FROM_TO_MESSAGE)
  .optional();

export const DiffQuery = z.object({
  from: versionNumber.openapi({ description: 'Older version (default: the one before `to`).', example: '1' }),
  to: versionNumber.openapi({ description: 'Newer version (default: the latest).', example: '2' }),
});

export const TrackRequest = z
  .object(
    {
      url: z.string({ error: 'url must be a non-empty string' }).openapi({
        description: 'An http(s) URL, at most 2048 characters; private addresses only when ALLOW_PRIVATE_URLS is "true".',
        example: 'https://www.nytimes.com/2016/11/11/world/europe/russia-trump-campaign.html',
      }),
    },
    { error: 'body must be a JSON object like {"url": "https://..."}' },
  )
  .openapi('TrackRequest');

// ---- answers ----------------------------------------------------------------------------------

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');

const ArchiveCaptureSchema = z
  .object({
    status: z.enum(['pending', 'success', 'error']),
    requestedAt: z.string(),
    url: z.string().nullable(),
    jobId: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('ArchiveCapture', { description: "The Internet Archive's Save Page Now capture asked for when the version was stored." });

const VersionSummarySchema = z
  .object({
    n: z.number().int(),
    fetchedAt: z.string(),
    title: z.string(),
    byline: z.string().nullable().optional().openapi({ description: 'Absent on versions stored before bylines were part of the record.' }),
    bylineReading: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'The generation of byline rules that read it (2: the byline the page shows; absent: 1, the meta tag only).' }),
    textReading: z.number().int().optional().openapi({
      description: 'The generation of the rules that read its text (absent: 1). A version read by an older one is compared by its own HTML read again.',
    }),
    hash: z.string(),
    words: z.number().int(),
    revertOf: z.number().int().nullable().optional(),
    etag: z.string().optional().openapi({ description: 'The ETag of the fetch that found this version.' }),
    lastModified: z.string().optional().openapi({ description: 'The Last-Modified of the fetch that found this version.' }),
    snapshot: Sha256Schema.optional().openapi({ description: 'SHA-256 of the raw HTML kept for this version (absent: none kept).' }),
    archive: ArchiveCaptureSchema.optional(),
  })
  .openapi('VersionSummary');

const LastCheckSchema = z
  .object({
    outcome: z.enum(['new', 'changed', 'unchanged', 'error']),
    error: z.string().nullable(),
    errorKind: z.string().nullable(),
    status: z.number().int().nullable().optional(),
    retryAt: z.string().nullable().optional(),
    since: z.string(),
    at: z.string(),
  })
  .openapi('LastCheck');

export const ArticleSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    finalUrl: z.string().nullable(),
    createdAt: z.string(),
    active: z.boolean(),
    deletedAt: z.string().nullable(),
    title: z.string().nullable(),
    site: z.string(),
    versions: z.array(VersionSummarySchema),
    lastCheck: LastCheckSchema.nullable(),
    removedAt: z.string().nullable().optional(),
    failures: z
      .array(z.object({ at: z.string(), kind: z.string(), error: z.string(), status: z.number().int().nullable(), endedAt: z.string().nullable() }))
      .optional()
      .openapi({ description: 'The latest spells of failed checks (up to 20), newest last; each written when it began and when it ended.' }),
    bodyPath: z.string().max(MAX_BODY_PATH).optional().openapi({
      description:
        "Where the latest version's body sat in its page (tags, ids and classes from the root): the next check keeps that block while it still holds the story.",
    }),
  })
  .openapi('Article');

export const ArticleListSchema = z
  .object({
    articles: z.array(
      z.object({
        id: z.string(),
        url: z.string(),
        site: z.string(),
        title: z.string().nullable(),
        active: z.boolean(),
        versions: z.number().int(),
        retryAt: z.string().nullable().optional().openapi({
          description:
            'The site asked (Retry-After) not to be fetched before this time; copied from the last check (absent on listings written before it was kept).',
        }),
      }),
    ),
    cursor: z.string().nullable(),
  })
  .openapi('ArticleList');

export const CheckResultSchema = z.object({ changed: z.boolean(), version: z.number().int().nullable(), error: z.string().nullable() }).openapi('CheckResult');

export const VersionSchema = z
  .object({ n: z.number().int(), fetchedAt: z.string(), title: z.string(), byline: z.string().nullable(), text: z.string() })
  .openapi('Version');

const StatsSchema = z.object({ added: z.number().int(), removed: z.number().int() }).openapi('DiffStats');

export const DiffSchema = z
  .object({
    changed: z.boolean().openapi({
      description: 'False when both versions say the same words: texts that differ only in whitespace, paragraph breaks or joiners are not changed.',
    }),
    title: z.object({ old: z.string(), new: z.string() }).nullable(),
    byline: z
      .object({ old: z.string().nullable(), new: z.string().nullable() })
      .nullable()
      .optional()
      .openapi({ description: 'The byline before and after, when it changed (absent on changes stored before bylines were compared).' }),
    stats: StatsSchema,
    changes: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  })
  .openapi('Diff', { description: 'Joining the equal and delete texts gives the old body text; equal and insert give the new one.' });

export const ChangeSummarySchema = z
  .object({
    id: z.string(),
    seq: z.string().openapi({ description: 'Unique per change of this article: "000002", or "000002-removed-<ms>" for an event without a new version.' }),
    url: z.string(),
    title: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    at: z.string(),
    event: z.enum(['edit', 'revert', 'removed', 'restored']),
    revertOf: z.number().int().nullable(),
    kinds: z.array(ChangeKindSchema),
    site: z.string(),
    hash: z.string(),
    stats: StatsSchema,
  })
  .openapi('Change');

export const ChangeListSchema = z.object({ changes: z.array(ChangeSummarySchema), cursor: z.string().nullable() }).openapi('ChangeList');

export const SiteRecordSchema = z
  .object({
    site: z.string(),
    articlesTracked: z.number().int(),
    articlesChanged: z.number().int(),
    changes: z.number().int(),
    changesByKind: z.record(z.string(), z.number().int()),
    events: z.object({ edit: z.number().int(), revert: z.number().int(), removed: z.number().int(), restored: z.number().int() }),
    substantiveEdits: z
      .number()
      .int()
      .openapi({ description: 'Text changes that are more than spelling or punctuation (headline, addition, removal, rewrite or correction).' }),
    silentEdits: z.number().int().openapi({ description: 'Substantive edits published without a correction notice.' }),
    silentEditShare: z.number().nullable(),
    medianSecondsToFirstChange: z
      .number()
      .nullable()
      .openapi({ description: "Median time from an article's first version to its first change, over changed articles." }),
    firstChangeAt: z.string().nullable(),
    latestChangeAt: z.string().nullable(),
  })
  .openapi('SiteRecord');

export const WebhookDeliveriesSchema = z
  .object({
    configured: z.number().int().openapi({ description: 'How many webhook URLs WEBHOOK_URLS holds (invalid entries not counted).' }),
    invalid: z
      .array(
        z.object({
          position: z.number().int().openapi({ description: 'Its place in WEBHOOK_URLS, counting entries separated by commas or new lines from 1.' }),
          start: z.string().openapi({ description: 'Its first 20 characters (a mistyped URL may still carry its secret).' }),
          error: z.string(),
        }),
      )
      .openapi({ description: 'Each WEBHOOK_URLS entry that is not an http(s) URL, once; nothing is sent to it.' }),
    deliveries: z.array(
      z.object({
        target: z.string().openapi({ description: 'A short hash of the webhook URL.' }),
        host: z.string(),
        format: z.enum(['slack', 'discord', 'generic']),
        id: z.string(),
        seq: z.string(),
        title: z.string(),
        ok: z.boolean(),
        attempts: z.array(z.object({ at: z.string(), status: z.number().int().nullable(), error: z.string().nullable() })),
      }),
    ),
  })
  .openapi('WebhookDeliveries');

// ---- sources (src/web/sources.ts) ---------------------------------------------------------------

export const SourceIdParams = z.object({
  id: z
    .string()
    .regex(ARTICLE_ID, 'no such source')
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Source id: 16 hex digits, derived from the URL.', example: '9b1c0e6d2f4a7385' }),
});

const SourceKindSchema = z.enum(['rss', 'atom', 'sitemap', 'sitemapindex']);

export const SourceListingSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    kind: SourceKindSchema.nullable().openapi({ description: 'rss, atom, sitemap or sitemapindex, once read.' }),
    tracked: z.number().int(),
    lastError: z.string().nullable().openapi({ description: 'Why its last read failed; null when it went well or it was not read yet.' }),
  })
  .openapi('SourceListing');

export const SourceSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    kind: SourceKindSchema.nullable().openapi({ description: 'rss, atom, sitemap or sitemapindex, once read.' }),
    createdAt: z.string(),
    tracked: z.number().int().openapi({ description: 'Articles this source started tracking, in all.' }),
    lastReadAt: z.string().nullable(),
    lastError: z.string().nullable(),
    retryAt: z.string().nullable(),
  })
  .openapi('Source');

// ---- stored records, as GET /export writes them and POST /import takes them back ----------------

/** A version as stored: the API's Version plus its hash and where and how the page declared itself. */
export const StoredVersionSchema = VersionSchema.extend({
  hash: z.string(),
  url: z.string(),
  publishedAt: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  lang: z.string().nullable(),
  snapshot: z
    .object({ sha256: Sha256Schema, bytes: z.number().int().nonnegative(), storedBytes: z.number().int().nonnegative(), contentType: z.string().nullable() })
    .optional(),
});

/** A change as stored: the API's Change with the Diff computed when it was seen. */
export const StoredChangeSchema = ChangeSummarySchema.extend({ diff: DiffSchema });

/** A source as stored: what the API shows, plus the validators of its last read and the ids it handed over. */
export const StoredSourceSchema = SourceSchema.extend({
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  seen: z.array(z.string()).max(5000),
});

export const PostDeliveriesSchema = z
  .object({
    configured: z.object({
      mastodon: z.boolean().openapi({ description: 'MASTODON_URL and MASTODON_TOKEN are set.' }),
      bluesky: z.boolean().openapi({ description: 'BLUESKY_HANDLE and BLUESKY_APP_PASSWORD are set.' }),
      kinds: z.array(z.string()).openapi({ description: 'The kinds of change that are posted (POST_KINDS).' }),
    }),
    deliveries: z.array(
      z.object({
        network: z.enum(['mastodon', 'bluesky']),
        account: z.string().openapi({ description: 'The instance host or the Bluesky handle.' }),
        id: z.string(),
        seq: z.string(),
        title: z.string(),
        ok: z.boolean(),
        url: z.string().nullable().openapi({ description: 'The post, once it exists.' }),
        attempts: z.array(z.object({ step: z.string(), at: z.string(), status: z.number().int().nullable(), error: z.string().nullable() })),
      }),
    ),
  })
  .openapi('PostDeliveries');

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
export const errorResponse = (description: string) => jsonContent(ErrorSchema, description);

/**
 * What every call that needs the admin token may answer besides its own statuses (src/web/auth.ts):
 * 401 for a missing or wrong token, 429 with Retry-After once a client sent too many wrong ones
 * (the AuthGuard object refuses it, right token or not, until then), 503 without ADMIN_TOKEN.
 */
export const authResponses = {
  401: errorResponse('Missing or wrong bearer token.'),
  429: {
    ...errorResponse('Too many wrong tokens from this address: every call with a token is refused, right or wrong, until Retry-After has passed.'),
    headers: z.object({
      'Retry-After': z.number().int().min(1).openapi({ description: 'Seconds to wait before sending a token again.', example: 900 }),
    }),
  },
  503: errorResponse('ADMIN_TOKEN is not configured.'),
};
