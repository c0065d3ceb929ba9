/**
 * A page whose characters cannot be decoded (Shift_JIS with no charset declared anywhere) is
 * refused with that reason, not as "only 3 words"; a windows-1252 page without one still reads.
 * Through the Worker: the local newsroom serves the bytes as `text/html` with no charset.
 */
import { describe, expect, it } from 'vitest';
import { post, publish } from '../helpers';

/** 東京都は新しい防災計画を発表し、地震や台風への備えを強化すると説明した。 in Shift_JIS. */
const SHIFT_JIS_SENTENCE =
  '938c8b9e937382cd905682b582a296688dd08c7689e682f094ad955c82b58141926e906b82e291e4959782d682cc94f582a682f08bad89bb82b782e982c690e096be82b582bd8142';
const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function checkNew(path: string, bytes: Uint8Array) {
  const url = await publish(path, bytes, { headers: { 'content-type': 'text/html' } });
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  return (await post(`/articles/${id}/check`, '')).json<{ changed: boolean; version: number | null; error: string | null }>();
}

describe('pages in an undeclared charset', () => {
  it('Shift_JIS with no charset is an anomaly that says the characters could not be decoded', async () => {
    const paragraph = concat(ascii('<p>'), hex(SHIFT_JIS_SENTENCE), ascii('</p>'));
    const body = Array.from({ length: 8 }, () => paragraph);
    const page = concat(ascii('<!doctype html><html><head><title>News</title></head><body><article>'), ...body, ascii('</article></body></html>'));
    const result = await checkNew('/undecoded/shift-jis', page);
    expect(result.version).toBe(null);
    expect(result.error).toBe("extraction anomaly: the page's characters could not be decoded: no charset declared, or the wrong one?");
  });

  it('a French windows-1252 page with no charset still makes a version', async () => {
    // ’ is 0x92, é 0xE9, è 0xE8, – 0x96, € 0x80 in windows-1252.
    const sentence =
      'Les travaux commenceront d\xe8s l\x92\xe9t\xe9, annonce la mairie \x96 un chantier de deux millions d\x92euros, soit 2 \x80 par habitant.';
    const page = ascii(
      `<!doctype html><html><head><title>Chantier</title></head><body><article><h1>Le chantier</h1>${`<p>${sentence}</p>`.repeat(6)}</article></body></html>`,
    );
    expect(await checkNew('/undecoded/french', page)).toEqual({ changed: true, version: 1, error: null });
  });
});
