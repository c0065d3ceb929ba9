/**
 * What the deployed Worker loads for `zod` (wrangler.toml `[alias]`): zod 4's own entry point
 * (node_modules/zod/v4/classic/external.js) line for line, less `export * as locales`. Its `z`
 * namespace object is used whole by @hono/zod-openapi, so a bundler keeps everything the namespace
 * names: with the locales, 48 translations of every error message (364 KiB) the Worker never
 * loads (zod's English messages are configured inside core). Tests, the CLI and typecheck use
 * zod itself; keep this file in step with the pinned zod when it is upgraded.
 */
// @ts-nocheck -- re-exports zod's JavaScript files by path; their types are zod's own
import * as z from './zod';

export * as core from './zod-core';
export * from '../../node_modules/zod/v4/classic/schemas.js';
export * from '../../node_modules/zod/v4/classic/checks.js';
export * from '../../node_modules/zod/v4/classic/errors.js';
export * from '../../node_modules/zod/v4/classic/parse.js';
export * from '../../node_modules/zod/v4/classic/compat.js';
export {
  globalRegistry,
  registry,
  config,
  memoizer,
  $output,
  $input,
  $brand,
  clone,
  regexes,
  treeifyError,
  prettifyError,
  formatError,
  flattenError,
  TimePrecision,
  util,
  NEVER,
  INVALID,
  toZod,
  compile,
  withParser,
  ZodCompileAsyncError,
  ZodCompileUnsupportedError,
  getDiscriminatedOption,
} from './zod-core';
export { toJSONSchema } from '../../node_modules/zod/v4/core/json-schema-processors.js';
export { fromJSONSchema } from '../../node_modules/zod/v4/classic/from-json-schema.js';
export { deepPartial } from '../../node_modules/zod/v4/classic/deep-partial.js';
export { input, output } from '../../node_modules/zod/v4/classic/in-out.js';
export { ZodISODateTime, ZodISODate, ZodISOTime, ZodISODuration } from '../../node_modules/zod/v4/classic/iso.js';
export * as iso from '../../node_modules/zod/v4/classic/iso.js';
export * as coerce from '../../node_modules/zod/v4/classic/coerce.js';
export { z, z as default };
