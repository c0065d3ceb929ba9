/**
 * `npm run extract` reads a saved page as the Worker's check reads the same page served without a
 * charset: same characters. Runs in Node (the `scripts` project), where the CLI runs, because
 * Node's own TextDecoder reads windows-1252 as ISO-8859-1 and workerd's does not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'redline-cli-charset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTENCE = 'Les travaux commenceront dès l’été, jusqu’au 3 mars – pour 2 € millions, „sagt“ der Bürgermeister.';
const page = (head = '') =>
  `<html><head>${head}<title>Le chantier</title></head><body><h1>Le chantier de l’été</h1><div class="article-body">${`<p>${SENTENCE}</p>`.repeat(6)}</div></body></html>`;

/** windows-1252 bytes of text that only uses characters windows-1252 has. */
function windows1252(text: string): Uint8Array {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return Uint8Array.from(text, (c) => {
    const k = high.indexOf(c);
    return k >= 0 ? 0x80 + k : c.charCodeAt(0);
  });
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
  }
  return bytes;
}

function extract(name: string, bytes: Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = spawnSync(TSX, ['src/cli/extract.ts', file], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { title: string; text: string };
}

describe('npm run extract decodes old encodings as the check does', () => {
  it('windows-1252 with no charset anywhere keeps ’ € – „ “', () => {
    const article = extract('plain.html', windows1252(page()));
    expect(article.title).toBe('Le chantier de l’été');
    expect(article.text.split('\n\n')[0]).toBe(SENTENCE);
  });

  it('<meta charset=iso-8859-1> over windows-1252 bytes is read as windows-1252 (WHATWG)', () => {
    const article = extract('iso.html', windows1252(page('<meta charset=iso-8859-1>')));
    expect(article.text.split('\n\n')[0]).toBe(SENTENCE);
  });

  it('a UTF-16 page with a byte order mark, little- and big-endian', () => {
    for (const bigEndian of [false, true]) {
      const article = extract(`utf16-${bigEndian}.html`, utf16(`<!doctype html>${page('<meta charset="windows-1252">')}`, bigEndian));
      expect(article.title).toBe('Le chantier de l’été');
      expect(article.text.split('\n\n')[0]).toBe(SENTENCE);
    }
  });
});
