/**
 * What the deployed Worker loads for `htmlparser2` (wrangler.toml `[alias]`): the Parser and the
 * Tokenizer, which is all Redline uses. htmlparser2's entry point also re-exports domutils
 * (DomUtils, getFeed), which brings dom-serializer and with it a second, older copy of
 * `entities` (90 KiB) that no code path reaches. Tests, the CLI and typecheck use htmlparser2 itself.
 */
// @ts-nocheck -- re-exports htmlparser2's JavaScript files by path; their types are htmlparser2's own
export { Parser } from '../../node_modules/htmlparser2/dist/esm/Parser.js';
export { default as Tokenizer, QuoteType } from '../../node_modules/htmlparser2/dist/esm/Tokenizer.js';
