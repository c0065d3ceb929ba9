/** `npm run compare` sees a reporter added to the visible byline of a page whose meta tag names one. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'redline-cli-byline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paragraphs = Array.from(
  { length: 6 },
  (_, k) => `<p>Paragraph ${k + 1} of the story: the council met on Tuesday and voted to close the old ferry pier.</p>`,
).join('');
const page = (byline: string) =>
  `<html><head><title>Pier</title><meta name="author" content="Jane Doe"></head><body><h1>Council votes to close the pier</h1><p class="byline">${byline}</p><div class="article-body">${paragraphs}</div></body></html>`;

it('compare reports the byline that gained a reporter', () => {
  writeFileSync(join(dir, 'old.html'), page('By Jane Doe'));
  writeFileSync(join(dir, 'new.html'), page('By Jane Doe and John Roe'));
  const run = spawnSync(TSX, ['src/cli/compare.ts', join(dir, 'old.html'), join(dir, 'new.html')], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const diff = JSON.parse(run.stdout) as { changed: boolean; byline: unknown };
  expect(diff.changed).toBe(true);
  expect(diff.byline).toEqual({ old: 'Jane Doe', new: 'Jane Doe and John Roe' });
});
