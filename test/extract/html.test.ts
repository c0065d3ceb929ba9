import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/html';
import founding from '../fixtures/nyt-2016-ryabkov/v1.html?raw';

/**
 * The events htmlparser2's Parser gives, adjacent text merged, as one string per event. A start
 * tag cut off by the end of the page is closed by the Parser without being opened; parseHtml gives
 * neither event, so closes of elements never opened are left out here.
 */
function parserEvents(html: string): string[] {
  const events: string[] = [];
  const open: string[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text ${text}`);
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        flush();
        open.push(name);
        events.push(`open ${name} ${JSON.stringify(attributes)}`);
      },
      ontext(data) {
        text += data;
      },
      onclosetag(name) {
        flush();
        if (open[open.length - 1] !== name) return;
        open.pop();
        events.push(`close ${name}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.write(html);
  parser.end();
  flush();
  return events;
}

function ourEvents(html: string): string[] {
  const events: string[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text ${text}`);
    text = '';
  };
  parseHtml(html, {
    open(name, attributes) {
      flush();
      events.push(`open ${name} ${JSON.stringify(attributes)}`);
    },
    text(data) {
      text += data;
    },
    close(name) {
      flush();
      events.push(`close ${name}`);
    },
    wantsAttributes: () => true,
    wantsText: () => true,
  });
  flush();
  return events;
}

describe('the HTML event layer reads pages as htmlparser2 does', () => {
  it('gives the same tags, attributes and text as htmlparser2 on a real page', () => {
    expect(ourEvents(founding)).toEqual(parserEvents(founding));
  });

  it('gives the same events on random markup: implied end tags, entities, scripts, comments, svg', () => {
    const tag = fc.constantFrom(
      'div',
      'p',
      'span',
      'a',
      'article',
      'script',
      'style',
      'textarea',
      'title',
      'table',
      'tr',
      'td',
      'th',
      'tbody',
      'li',
      'ul',
      'dd',
      'dt',
      'h1',
      'br',
      'hr',
      'img',
      'input',
      'select',
      'option',
      'svg',
      'path',
      'math',
      'foreignObject',
      'P',
      'DIV',
    );
    const attribute = fc.tuple(fc.constantFrom('class', 'id', 'href', 'CLASS', 'data-x'), fc.string({ maxLength: 12 }));
    const token = fc.oneof(
      fc
        .tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.boolean())
        .map(([t, attrs, selfClosing]) => `<${t}${attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}${selfClosing ? '/' : ''}>`),
      tag.map((t) => `</${t}>`),
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<',
        '>',
        '&amp;',
        '&lt',
        '&#0;',
        '&#xD800;',
        '&nbsp',
        "a='b&amp;c'",
        '\u0000',
        '"',
        '</',
        '<a href=x&amp;y>',
      ),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 120 }), (tokens) => {
        const html = tokens.join('');
        expect(ourEvents(html)).toEqual(parserEvents(html));
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on 100,000 open tags that are closed one by one', () => {
    const html = `${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}`;
    const start = Date.now();
    let closed = 0;
    parseHtml(html, {
      open() {},
      text() {},
      close() {
        closed++;
      },
      wantsAttributes: () => false,
      wantsText: () => false,
    });
    expect(closed).toBe(100_000);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
