/**
 * The byline a reader sees: a visible "By …" line or author element names the reporters, and wins
 * over a meta tag that names fewer; a meta tag naming the same people keeps its reading.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to close the old ferry pier after a debate that lasted well into the night.',
  'Residents who spoke at the meeting said the pier had served the town for ninety years and asked for a delay.',
  'The mayor said the decision would save money that could be spent on the new landing opening next spring.',
  'Engineers had warned in March that the wooden piles under the pier were rotting faster than expected.',
  'The ferry company said it would move its morning crossings to the north landing from the first of May.',
  'A petition to keep the pier open as a walkway has gathered more than two thousand signatures this week.',
];
const BODY = `<div class="article-body">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`;

function story({ meta = '', lead = '' }: { meta?: string; lead?: string }) {
  return `<!doctype html><html><head><title>Pier to close | The Harbour Times</title>${meta}</head><body><article><h1>Council votes to close the ferry pier</h1>${lead}${BODY}</article></body></html>`;
}

describe('bylines', () => {
  it('a second reporter in the visible byline wins over a meta tag naming one', () => {
    const meta = '<meta name="author" content="Jane Doe">';
    expect(extractArticle(story({ meta, lead: '<p class="byline">By Jane Doe</p>' })).byline).toBe('Jane Doe');
    expect(extractArticle(story({ meta, lead: '<p class="byline">By Jane Doe and John Roe</p>' })).byline).toBe('Jane Doe and John Roe');
    expect(extractArticle(story({ meta, lead: '<p>By Jane Doe and John Roe | May 3, 2025</p>' })).byline).toBe('Jane Doe and John Roe');
  });

  it('a name whose surname is a role word is still a name when it opens with an initial (the issue\'s own "A. Reporter")', () => {
    const meta = '<meta name="author" content="A. Reporter">';
    expect(extractArticle(story({ meta, lead: '<p>By A. Reporter and B. Writer</p>' })).byline).toBe('A. Reporter and B. Writer');
    expect(extractArticle(story({ meta, lead: '<div class="author">By A. Reporter and B. Writer</div>' })).byline).toBe('A. Reporter and B. Writer');
    expect(extractArticle(story({ meta, lead: '<p>By A. Reporter</p>' })).byline).toBe('A. Reporter');
    // A role is still no name: "Staff Writer" and "Senior Reporter" name no one.
    expect(extractArticle(story({ meta: '<meta name="author" content="Jane Doe">', lead: '<p>By Jane Doe, Staff Writer</p>' })).byline).toBe('Jane Doe');
  });

  it('a byline line in Spanish, Dutch or Italian ("Por", "Door", "di") names its reporters, and a co-author added shows', () => {
    for (const [one, two] of [
      ['Por Ana García', 'Por Ana García y Luis Pérez'],
      ['Door Jan Jansen', 'Door Jan Jansen en Piet de Vries'],
      ['di Mario Rossi', 'di Mario Rossi e Luca Bianchi'],
    ]) {
      const before = extractArticle(story({ lead: `<p>${one}</p>` }));
      const after = extractArticle(story({ lead: `<p>${two}</p>` }));
      expect(before.byline, one).not.toBeNull();
      expect(after.byline, two).not.toBe(before.byline);
      expect(after.text).toBe(before.text);
    }
    // "Di Maio" is a name, not the Italian "by".
    expect(extractArticle(story({ lead: '<div class="author">Di Maio</div>' })).byline).toBe('Di Maio');
  });

  it('a role after the names is no part of the byline: adding one is no byline change', () => {
    for (const role of ['Staff Writer', 'Senior Correspondent']) {
      expect(extractArticle(story({ lead: `<p class="byline">By Jane Doe, ${role}</p>` })).byline).toBe('By Jane Doe');
    }
    expect(extractArticle(story({ lead: '<p class="byline">By Jane Doe, John Roe</p>' })).byline).toBe('By Jane Doe, John Roe');
  });

  it('without a meta tag, a "By …" line under the headline or an author element is the byline', () => {
    expect(extractArticle(story({ lead: '<p>By Jane Doe</p>' })).byline).toBe('Jane Doe');
    expect(extractArticle(story({ lead: '<p>Standfirst: the pier goes.</p><p>Von Hans Müller</p>' })).byline).toBe('Hans Müller');
    expect(extractArticle(story({ lead: '<div class="author">Jane Doe</div>' })).byline).toBe('Jane Doe');
  });

  it('a sentence opening with "By", another story\'s byline or a label is no byline', () => {
    expect(extractArticle(story({ lead: '<p>By Tuesday the council had voted, and the pier was to close.</p>' })).byline).toBe(null);
    expect(extractArticle(story({ lead: '<div class="related"><p>By Mark Other</p></div>' })).byline).toBe(null);
    expect(extractArticle(story({ lead: '<div class="author">Author</div>' })).byline).toBe(null);
  });

  it('a byline is the names alone: a relative or absolute time, "Updated …", a counter or a reading time on its line is left out', () => {
    const read = (lead: string) => extractArticle(story({ lead })).byline;
    expect(read('<p class="byline">By Jane Doe · 3 hours ago</p>')).toBe('By Jane Doe');
    expect(read('<p class="byline">By Jane Doe <span class="ts">2h ago</span></p>')).toBe('By Jane Doe');
    expect(read('<p class="byline">By Jane Doe an hour ago</p>')).toBe('By Jane Doe');
    expect(read('<div class="byline-block"><span class="byline">By Jane Doe</span> <time>Updated 3 minutes ago</time></div>')).toBe('By Jane Doe');
    expect(
      read('<div class="byline-block"><span class="byline">By Jane Doe</span> <time datetime="2025-03-12">Updated March 12, 2025, 4:05 p.m. ET</time></div>'),
    ).toBe('By Jane Doe');
    expect(read('<div class="byline">By Jane Doe Updated Tuesday</div>')).toBe('By Jane Doe');
    expect(read('<p class="byline">By Jane Doe <span class="reads">1,204 reads</span></p>')).toBe('By Jane Doe');
    expect(read('<p class="byline">By Jane Doe March 12, 2025</p>')).toBe('By Jane Doe');
    expect(read('<p class="byline">By Jane Doe · 4 min read</p>')).toBe('By Jane Doe');
    expect(read('<p class="byline">Von Jörg Weiß · vor 3 Stunden</p>')).toBe('Von Jörg Weiß');
    expect(read('<p class="byline">Von Jörg Weiß aktualisiert am 3. März 2025</p>')).toBe('Von Jörg Weiß');
    expect(read('<p class="byline">Par Marie Dupont, il y a 3 heures</p>')).toBe('Par Marie Dupont');
    expect(read('<p class="byline">Par Marie Dupont mis à jour le 3 mars</p>')).toBe('Par Marie Dupont');
    expect(read('<p class="byline">بقلم أحمد علي · منذ 3 ساعات</p>')).toBe('بقلم أحمد علي');
    expect(read('<p class="byline">3 hours ago</p>')).toBe(null);
  });

  it('every author link of a byline line is read, with the words that join them', () => {
    const read = (lead: string, meta = '') => extractArticle(story({ lead, meta })).byline;
    expect(read('<p>By <a rel="author">Jane Doe</a></p>')).toBe('Jane Doe');
    expect(read('<p>By <a rel="author">Jane Doe</a> and <a rel="author">John Roe</a></p>')).toBe('Jane Doe and John Roe');
    expect(read('<p>By <span itemprop="author">Jane Doe</span>, <span itemprop="author">John Roe</span> · 2h ago</p>')).toBe('Jane Doe, John Roe');
    const meta = '<meta name="author" content="Jane Doe">';
    expect(read('<p>By <a rel="author">Jane Doe</a> and <a rel="author">John Roe</a></p>', meta)).toBe('Jane Doe and John Roe');
  });

  it('a JSON-LD author, which nobody sees, is the byline only when the page shows none', () => {
    const ld = (names: string[]) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', author: names.map((name) => ({ name })) })}</script>`;
    expect(extractArticle(story({ meta: ld(['Jane Doe', 'John Roe']), lead: '<p class="byline">By Jane Doe</p>' })).byline).toBe('By Jane Doe');
    expect(extractArticle(story({ meta: ld(['Jane Doe', 'John Roe']) })).byline).toBe('Jane Doe, John Roe');
  });

  it('a name only the meta tag gives, which nobody sees, is not the byline of a page that shows one', () => {
    const meta = '<meta name="author" content="Jane Doe, John Roe">';
    expect(extractArticle(story({ meta, lead: '<p class="byline">By Jane Doe</p>' })).byline).toBe('Jane Doe');
    expect(extractArticle(story({ meta, lead: '<p class="byline">By Jane Doe and John Roe</p>' })).byline).toBe('Jane Doe, John Roe');
    expect(extractArticle(story({ meta })).byline).toBe('Jane Doe, John Roe');
  });

  it('ruby readings stay out of the headline as they do out of the body', () => {
    const html = `<html><head><title>x</title></head><body><article><h1><ruby>都知事<rp>(</rp><rt>とちじ</rt><rp>)</rp></ruby>が防災計画</h1>${BODY}</article></body></html>`;
    expect(extractArticle(html).title).toBe('都知事が防災計画');
  });
});
