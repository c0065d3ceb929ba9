/**
 * The API's response schemas describe the records it serves, field for field. Each route's
 * handler is typed by its schema (src/web/api.ts), which catches a field of the wrong type or a
 * field the schema requires and the record lacks, but not a field the record has and the schema
 * never mentions: that one would be served undocumented. The checks below catch it, at any depth,
 * in `npm run typecheck`. Types only: nothing here runs.
 */
import type { z } from '@hono/zod-openapi';
import type { CheckResult } from '../check/decide';
import type { WebhookDelivery } from '../notify/webhooks';
import type { ArticlePage, ArticleRecord, ChangeSummary, SourceRecord, VersionRecord } from '../store';
import type { SourceListing } from '../store/sources';
import type {
  ArticleListSchema,
  ArticleSchema,
  ChangeSummarySchema,
  CheckResultSchema,
  SourceListingSchema,
  StoredSourceSchema,
  StoredVersionSchema,
  SiteRecordSchema,
  WebhookDeliveriesSchema,
} from './openapi-schemas';
import type { SiteRecord } from './site-record';

/** The keys of `Record` (at any depth) that `Schema` does not declare; never when it declares them all. */
type Undeclared<Record, Schema> = Record extends readonly (infer Item)[]
  ? Schema extends readonly (infer SchemaItem)[]
    ? Undeclared<Item, SchemaItem>
    : never
  : Record extends object
    ? { [K in keyof Record]-?: K extends keyof NonNullable<Schema> ? Undeclared<NonNullable<Record[K]>, NonNullable<NonNullable<Schema>[K]>> : K }[keyof Record]
    : never;

/** Fails the typecheck, naming the key, when the schema leaves a field of the record out. */
type AllDeclared<Keys extends never> = Keys;

export type ResponsesDescribeRecords = [
  AllDeclared<Undeclared<ArticleRecord, z.infer<typeof ArticleSchema>>>,
  AllDeclared<Undeclared<ArticlePage, z.infer<typeof ArticleListSchema>>>,
  AllDeclared<Undeclared<VersionRecord, z.infer<typeof StoredVersionSchema>>>,
  AllDeclared<Undeclared<CheckResult, z.infer<typeof CheckResultSchema>>>,
  AllDeclared<Undeclared<ChangeSummary, z.infer<typeof ChangeSummarySchema>>>,
  AllDeclared<Undeclared<SiteRecord, z.infer<typeof SiteRecordSchema>>>,
  AllDeclared<Undeclared<{ configured: number; deliveries: WebhookDelivery[] }, z.infer<typeof WebhookDeliveriesSchema>>>,
  AllDeclared<Undeclared<SourceRecord, z.infer<typeof StoredSourceSchema>>>,
  AllDeclared<Undeclared<SourceListing & { id: string }, z.infer<typeof SourceListingSchema>>>,
];
