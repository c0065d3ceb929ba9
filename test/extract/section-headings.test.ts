import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

/** A privacy page whose sections are headed by h1s, as some CMS templates write them. */
const page = (third: string) => `<!doctype html><html lang="de"><head><title>Datenschutz | Verlag</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><div class="article-body"><h1>Datenschutz</h1>
<p>Wir verarbeiten personenbezogene Daten nur, soweit dies für den Betrieb unserer Angebote erforderlich ist, und nur auf einer Rechtsgrundlage.</p>
<h1>Cookies</h1>
<p>Wir setzen Cookies ein, um die Nutzung unserer Angebote zu messen und sie zu verbessern, und nur mit Ihrer Einwilligung, die Sie jederzeit widerrufen können.</p>
<h1>${third}</h1>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie das Recht, einer Verarbeitung zu widersprechen.</p>
</div></article></body></html>`;

describe('headings', () => {
  it("an h1 after the page's headline heads a section of the text and stays in; the headline does not", () => {
    const { title, text } = extractArticle(page('Ihre Rechte'));
    expect(title).toBe('Datenschutz');
    expect(text.startsWith('Wir verarbeiten')).toBe(true);
    expect(text).toContain('Rechtsgrundlage.\n\nCookies\n\nWir setzen Cookies');
    expect(text).toContain('widerrufen können.\n\nIhre Rechte\n\nSie haben');
  });

  it('a section heading an editor renames shows in the text', () => {
    expect(extractArticle(page('Ihre Rechte als betroffene Person')).text).toContain('Ihre Rechte als betroffene Person\n\nSie haben');
  });
});
