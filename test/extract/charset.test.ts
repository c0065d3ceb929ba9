import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { decodeHtml } from '../../src/extract/charset';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeHtml', () => {
  it('a page that declares gb2312 but is UTF-8 decodes as UTF-8', () => {
    const html = '<html><head><meta charset="gb2312"></head><body><p>北京欢迎你，这是一篇新闻。</p></body></html>';
    expect(decodeHtml(new TextEncoder().encode(html), null)).toBe(html);
  });

  it('a real windows-1252 page (curly quotes, accents) decodes through its meta tag', () => {
    // 0x93/0x94 are curly quotes and 0xE9 is é in windows-1252; as UTF-8 these bytes are invalid.
    const bytes = latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\x93Caf\xe9\x94 opens</p>');
    expect(decodeHtml(bytes, null)).toContain('<p>“Café” opens</p>');
  });

  it('the HTTP header wins over the meta tag, and a BOM over both', () => {
    const bytes = latin1('<meta charset="utf-8"><p>Caf\xe9</p>');
    expect(decodeHtml(bytes, 'text/html; charset=ISO-8859-1')).toContain('<p>Café</p>');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>Café</p>')]);
    expect(decodeHtml(bom, 'text/html; charset=windows-1252')).toBe('<p>Café</p>');
  });

  it('a UTF-16 byte order mark decides before the header and the meta tag (WHATWG), little- and big-endian', () => {
    const html = '<!doctype html><meta charset="windows-1252"><title>Été</title><p>Café – 2 €</p>';
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(html).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...Array.from(html).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(decodeHtml(le, 'text/html; charset=iso-8859-1')).toBe(html);
    expect(decodeHtml(be, 'text/html')).toBe(html);
  });

  it('an unknown charset label falls back instead of throwing', () => {
    expect(decodeHtml(latin1('<meta charset="x-klingon"><p>Caf\xe9</p>'), 'text/html; charset=bogus')).toContain('Caf');
  });

  it('decoded gb2312-declared UTF-8 extracts readable Chinese text', () => {
    const html = `<html><head><meta charset="gb2312"><title>新闻</title></head><body><article><p>${'北京今天发布了新的交通规定，市民普遍表示欢迎。'.repeat(4)}</p></article></body></html>`;
    expect(extractArticle(decodeHtml(new TextEncoder().encode(html), null)).text).toContain('北京今天发布了新的交通规定');
  });
});
