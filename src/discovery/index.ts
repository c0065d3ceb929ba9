/** Discovery: feeds and sitemaps whose new articles Redline starts tracking by itself. */
export { parseSource, type ParsedSource } from './parse';
export { readSource, type SourceRead } from './read-source';
export { readDueSources, registerSource, type SourcesReport } from './sources';
export { readSourceApart, SourceReader, type SourceOutcome } from './source-reader';
