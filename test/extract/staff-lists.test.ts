import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

/** An imprint page (the markup of a German weekly's imprint, cut down) with `inner` among its paragraphs. */
const page = (inner: string) => `<!doctype html><html lang="de"><head><title>Impressum | Verlag</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Impressum</h1><div class="article-body">
<p>Die Redaktion arbeitet in Hamburg und Berlin, die Verlagsleitung sitzt in Hamburg, und alle Anfragen gehen an die Zentrale.</p>
<p>Für die unter dieser Adresse verfügbaren Inhalte ist die Redaktion verantwortlich, für verlinkte Seiten deren Betreiber.</p>
${inner}
<p>Dokumente, Daten oder Fotos können Sie auch in unserem anonymen Briefkasten deponieren, wir lesen jede Einsendung.</p>
</div></article></body></html>`;

const names = [
  'Anna Albers',
  'Bernd Brandt',
  'Clara Claßen',
  'Dieter Dorn',
  'Eva Engel',
  'Frank Fink',
  'Greta Graf',
  'Hans Hahn',
  'Ida Imhof',
  'Jan Jost',
  'Karla Kuhn',
];
const linked = (list: string[]) => list.map((name, k) => `<a href="/autoren/${k}">${name}</a>`).join(', ');

describe('staff lists', () => {
  it('a desk whose names link to their author pages stays in (a list of names with commas is text, not a menu)', () => {
    const { text } = extractArticle(page(`<div class="ressort"><h3>Politik</h3><p>${linked(names)}</p></div>`));
    expect(text).toContain('Politik\n\nAnna Albers, Bernd Brandt, Clara Claßen');
    expect(text).toContain('Jan Jost, Karla Kuhn\n\nDokumente');
  });

  it('a name added to the desk shows in the text', () => {
    const before = extractArticle(page(`<div class="ressort"><h3>Politik</h3><p>${linked(names)}</p></div>`)).text;
    const after = extractArticle(page(`<div class="ressort"><h3>Politik</h3><p>${linked([...names, 'Lea Lorenz'])}</p></div>`)).text;
    expect(before).not.toContain('Lea Lorenz');
    expect(after).toContain('Karla Kuhn, Lea Lorenz');
  });

  it('a staff table whose names link to their author pages stays in', () => {
    const rows = (staff: string[][]) => staff.map(([desk, name], k) => `<tr><td>${desk}</td><td><a href="/autoren/${k}">${name}</a></td></tr>`).join('');
    const staff = [
      ['Chefredaktion', 'Anna Albers'],
      ['Politik', 'Bernd Brandt'],
      ['Kultur', 'Clara Claßen'],
    ];
    const before = extractArticle(page(`<h3>Redaktion</h3><table>${rows(staff)}</table>`)).text;
    expect(before).toContain('Redaktion\n\nChefredaktion | Anna Albers\n\nPolitik | Bernd Brandt\n\nKultur | Clara Claßen');
    const after = extractArticle(page(`<h3>Redaktion</h3><table>${rows([...staff, ['Sport', 'Dieter Dorn']])}</table>`)).text;
    expect(after).toContain('Kultur | Clara Claßen\n\nSport | Dieter Dorn');
  });

  it('a list whose items are names, linked or not, under a heading stays in, and a name swapped shows', () => {
    const list = (three: string[]) => `<h2>Redaktion</h2><ul class="staff">${three.map((name, k) => `<li><a href="/p/${k}">${name}</a></li>`).join('')}</ul>`;
    const before = extractArticle(page(list(names.slice(0, 3)))).text;
    expect(before).toContain('Redaktion\n\nAnna Albers\n\nBernd Brandt\n\nClara Claßen');
    expect(extractArticle(page(list([names[0], names[1], names[4]]))).text).toContain('Eva Engel');
    // Not a list of people: a label offering more reading, or items that are not names.
    expect(
      extractArticle(
        page(
          `<h2>Mehr zum Thema</h2><ul>${names
            .slice(0, 3)
            .map((n) => `<li><a href="/x">${n}</a></li>`)
            .join('')}</ul>`,
        ),
      ).text,
    ).not.toContain('Anna Albers');
    expect(
      extractArticle(page(`<h2>Ressorts</h2><ul>${['Politik', 'Wirtschaft', 'Kultur'].map((n) => `<li><a href="/x">${n}</a></li>`).join('')}</ul>`)).text,
    ).not.toContain('Wirtschaft');
    // Places and topics look like names; no label says they are people (a second tester's regression).
    for (const label of ['Städte', 'Themen']) {
      const places = ['New York', 'Los Angeles', 'San Francisco', 'Foreign Policy'].map((n) => `<li><a href="/x">${n}</a></li>`).join('');
      expect(extractArticle(page(`<h2>${label}</h2><ul>${places}</ul>`)).text).not.toContain('Los Angeles');
    }
    // In Russian and Chinese (a second tester's).
    const ru = ['Анна Иванова', 'Борис Петров', 'Вера Смирнова'];
    expect(extractArticle(page(`<h2>Редакция</h2><ul>${ru.map((n) => `<li><a href="/p">${n}</a></li>`).join('')}</ul>`)).text).toContain('Борис Петров');
    const zh = ['张伟', '王芳', '李娜'];
    expect(extractArticle(page(`<h2>编辑部</h2><ul>${zh.map((n) => `<li><a href="/p">${n}</a></li>`).join('')}</ul>`)).text).toContain('王芳');
    // One unusual name does not flip the whole staff out.
    expect(extractArticle(page(list([...names.slice(0, 4), 'Nadia al-Rashid', 'Jan ter Horst']))).text).toContain('Nadia al-Rashid');
  });

  it('a block of links without the commas of a list of names (a menu) stays out', () => {
    const menu = names.map((name, k) => `<a href="/ressort/${k}">${name.split(' ')[1]}</a>`).join(' ');
    const { text } = extractArticle(page(`<div class="ressorts">${menu}</div>`));
    expect(text).not.toContain('Albers');
  });
});
