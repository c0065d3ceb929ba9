/**
 * XML built like `hono/html` builds pages: an `xml` tagged template escapes every value it is given
 * (text and attributes alike), so a feed cannot be broken by what an article says; only fragments
 * that `xml` itself made go in unescaped. Control characters XML 1.0 forbids are dropped.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** Markup made by `xml`: already escaped, so it nests without being escaped again. */
export class XmlFragment {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type XmlValue = string | number | XmlFragment | null | undefined | false | readonly XmlValue[];

function render(value: XmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof XmlFragment) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return xmlEscape(String(value));
}

/** `xml\`<title>${title}</title>\``: every value escaped; arrays joined; null, undefined and false left out. */
export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): XmlFragment {
  let markup = strings[0];
  for (let i = 0; i < values.length; i++) markup += render(values[i]) + strings[i + 1];
  return new XmlFragment(markup);
}
