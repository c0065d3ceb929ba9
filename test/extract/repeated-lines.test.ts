import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const page = (body: string) => `<!doctype html><html lang="de"><head><title>Datenschutz | Verlag</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Datenschutz</h1><div class="article-body">${body}</div></article></body></html>`;

/** A section of a privacy policy: the same numbered subheadings in every section, as such policies write them. */
const section = (n: string, topic: string) => `<h3>${n}. ${topic}</h3>
<p><strong>1. Beschreibung und Umfang der Datenverarbeitung</strong></p>
<p>Für ${topic} verarbeiten wir die Daten, die Ihr Browser bei jedem Aufruf übermittelt, und nur so lange, wie es dafür nötig ist.</p>
<p><strong>2. Rechtsgrundlage für die Datenverarbeitung</strong></p>
<p>Rechtsgrundlage für ${topic} ist Art. 6 Abs. 1 lit. f DSGVO, unser berechtigtes Interesse an einem sicheren Betrieb.</p>
<p><strong>3. Widerspruchs- und Beseitigungsmöglichkeit</strong></p>
<p>Der Verarbeitung für ${topic} können Sie jederzeit widersprechen, eine E-Mail an unseren Datenschutzbeauftragten genügt.</p>`;

const count = (text: string, line: string) => text.split('\n\n').filter((l) => l === line).length;

describe('lines that repeat', () => {
  it('a subheading every section repeats stays in every section', () => {
    const topics = ['Logfiles', 'Cookies', 'Kontaktformular', 'Newsletter', 'Kommentarfunktion'];
    const { text } = extractArticle(page(topics.map((t, k) => section(['I', 'II', 'III', 'IV', 'V'][k], t)).join('\n')));
    expect(count(text, '1. Beschreibung und Umfang der Datenverarbeitung')).toBe(5);
    expect(count(text, '2. Rechtsgrundlage für die Datenverarbeitung')).toBe(5);
    expect(count(text, '3. Widerspruchs- und Beseitigungsmöglichkeit')).toBe(5);
  });

  it('a block rendered twice for two screen sizes is read once', () => {
    const faq = [
      'Mesh WiFi is a system that uses a main router plus one or more satellites to extend coverage.',
      'A mesh system creates one network with one name, where an extender creates a second one.',
      'Backhaul is the link between the router and the satellites, wired or wireless, and it sets the speed.',
    ]
      .map((a) => `<p>${a}</p>`)
      .join('');
    const story =
      '<p>Mesh networks are the easiest way to cover a large home with one WiFi network, and prices have come down.</p><p>We tested six systems in a three-storey house over four weeks, measuring speed in every room.</p>' +
      '<p>The cheapest system held 300 Mbit/s two floors away from the router, which is more than most broadband lines deliver.</p>' +
      '<p>The most expensive one added a wired backhaul port to every satellite, which doubled the speed in the attic and the garden shed.</p>' +
      '<p>Every system was set up with its own app in under fifteen minutes, though two of them asked for an account before they would start.</p>';
    const { text } = extractArticle(page(`${story}<div class="faq-desktop">${faq}</div><div class="faq-mobile">${faq}</div>`));
    expect(count(text, 'Backhaul is the link between the router and the satellites, wired or wireless, and it sets the speed.')).toBe(1);
    expect(text).toContain('We tested six systems');
  });
});
