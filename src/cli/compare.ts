/**
 * `npm run --silent compare -- OLD.html NEW.html`: the Diff a check would publish for that pair.
 * `npm run --silent compare -- --pairs LIST.jsonl`: one line per {"old","new"} pair in LIST,
 * {"old","new",...Diff} or {"old","new","error"}. Same extractor and differ as the Worker.
 */
import { readFileSync } from 'node:fs';
import { diffVersions, keepOldRendering } from '../diff';
import { errorMessage, readArticle } from './read-article';

/** The new page is read as a check reads it: knowing where the old page's body sat; a rendering mark beside an edit is no edit of its own. */
function compareFiles(oldFile: string, newFile: string) {
  const old = readArticle(oldFile);
  return keepOldRendering(diffVersions(old, readArticle(newFile, old))).diff;
}

function comparePairs(listFile: string) {
  const lines = readFileSync(listFile, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let pair: { old?: unknown; new?: unknown };
    try {
      pair = JSON.parse(line);
    } catch {
      process.stdout.write(`${JSON.stringify({ old: null, new: null, error: `line ${index + 1} is not JSON` })}\n`);
      return;
    }
    const { old: oldFile, new: newFile } = pair;
    if (typeof oldFile !== 'string' || typeof newFile !== 'string') {
      process.stdout.write(`${JSON.stringify({ old: oldFile ?? null, new: newFile ?? null, error: `line ${index + 1} needs "old" and "new" paths` })}\n`);
      return;
    }
    try {
      process.stdout.write(`${JSON.stringify({ old: oldFile, new: newFile, ...compareFiles(oldFile, newFile) })}\n`);
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ old: oldFile, new: newFile, error: errorMessage(error) })}\n`);
    }
  });
}

const args = process.argv.slice(2);
const usage = 'usage: npm run --silent compare -- OLD.html NEW.html\n       npm run --silent compare -- --pairs LIST.jsonl\n';
try {
  if (args[0] === '--pairs' && args.length === 2) comparePairs(args[1]);
  else if (args.length === 2 && !args[0].startsWith('--')) process.stdout.write(`${JSON.stringify(compareFiles(args[0], args[1]))}\n`);
  else {
    process.stderr.write(usage);
    process.exit(2);
  }
} catch (error) {
  process.stderr.write(`compare: ${errorMessage(error)}\n`);
  process.exit(1);
}
