/**
 * `npm run --silent extract -- FILE...`: one JSON line per HTML file, {"file","title","byline","text"}
 * or {"file","error"}. Runs the very extractor the Worker's check runs, in one process for all files.
 */
import { readFileSync } from 'node:fs';
import { decodeHtml } from '../extract/charset';
import { extractArticle } from '../extract/index';

function extractFile(file: string): Record<string, unknown> {
  try {
    const html = decodeHtml(new Uint8Array(readFileSync(file)), null);
    const { title, byline, text } = extractArticle(html);
    return { file, title, byline, text };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent extract -- FILE...\n');
  process.exit(2);
}
for (const file of files) process.stdout.write(`${JSON.stringify(extractFile(file))}\n`);
