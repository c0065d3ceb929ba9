import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import builder from '../fixtures/extract/near-empty-builder.html?raw';
import recipe from '../fixtures/extract/recipe-steps.html?raw';

describe('never near-empty', () => {
  it('a page builder that wraps each paragraph alone, under a photo caption that scores higher, gives its story, not the caption', () => {
    const { text } = extractArticle(builder, 'https://valleynews.example/floods');
    expect(text).toContain('The river rose two metres overnight');
    expect(text).toContain('Forecasters expect more rain next week');
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(5);
    // Recall, not everything: the menu, the per-row link lists and the footer stay out.
    for (const furniture of ['More on floods', 'Share', 'Privacy', 'Sport']) expect(text).not.toContain(furniture);
  });

  it('a page whose body was found whole is not read again', () => {
    const { text } = extractArticle(recipe, 'https://homekitchen.example/lemon-cake');
    expect(text.startsWith('A bright, easy cake for spring afternoons.')).toBe(true);
    expect(text).not.toContain('Recipes');
  });

  const practices = [
    ['Praxis Dr. Lena Hoffmann', 'Wilhelmshöher Allee 12', 'Sa 9–12 Uhr'],
    ['Gemeinschaftspraxis am Rathaus', 'Obere Königsstraße 3', 'Sa 8–11 Uhr'],
    ['Dr. med. Jonas Weber', 'Friedrich-Ebert-Straße 40', 'Sa 10–13 Uhr'],
    ['Hausarztzentrum Wehlheiden', 'Kohlenstraße 77', 'Sa 9–13 Uhr'],
  ];
  const cardsPage = (cards: string) => `<!doctype html><html lang="de"><head><title>Hausärzte in Kassel | Gesundheit</title></head><body>
<header><nav><a href="/">Start</a> <a href="/gesundheit">Gesundheit</a> <a href="/ratgeber">Ratgeber</a></nav></header>
<article>
  <h1>Hausärzte in Kassel mit Sprechstunde am Samstag</h1>
  <div class="media"><img src="praxis.jpg" alt=""><p>Foto: Stadt Kassel, Pressestelle</p></div>
  <div class="praxen">${cards}</div>
</article>
<footer><p>© 2026 Gesundheit Kassel</p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>`;

  it('a page of cards, each a linked name and a few words, gives its cards, not only a photo credit', () => {
    const cards = practices.map(
      ([name, street, hours], k) => `<div class="praxis">
      <a href="/praxis/${k}">${name}</a>
      <span>${street}</span>
      <span>${hours}</span>
    </div>`,
    );
    const { text } = extractArticle(cardsPage(cards.join('\n')), 'https://gesundheit.example/kassel/hausaerzte');
    expect(text).toContain('Dr. med. Jonas Weber Friedrich-Ebert-Straße 40 Sa 10–13 Uhr');
    expect(text).toContain('Hausarztzentrum Wehlheiden Kohlenstraße 77 Sa 9–13 Uhr');
    for (const furniture of ['Ratgeber', 'Impressum', '© 2026']) expect(text).not.toContain(furniture);
  });

  it('a race calendar of cards gives its races', () => {
    const races = ['Bahrain Grand Prix', 'Saudi Arabian Grand Prix', 'Australian Grand Prix', 'Japanese Grand Prix', 'Chinese Grand Prix', 'Miami Grand Prix'];
    const page = `<!doctype html><html lang="en"><head><title>2026 calendar | Speed</title></head><body>
<nav><a href="/">Home</a> <a href="/f1">F1</a> <a href="/motogp">MotoGP</a></nav>
<main><h1>2026 Formula 1 calendar</h1><div class="races">
${races.map((race, k) => `<div class="race-card"><span class="round">Round ${k + 1}</span> <a href="/race/${k}"><span class="name">${race}</span></a> <span class="circuit">Circuit ${k + 1}</span></div>`).join('\n')}
</div></main><footer><a href="/privacy">Privacy</a></footer></body></html>`;
    const { text } = extractArticle(page, 'https://speed.example/f1/calendar');
    expect(text).toContain('Round 3 Australian Grand Prix Circuit 3');
    expect(text).toContain('Round 6 Miami Grand Prix Circuit 6');
    expect(text).not.toContain('MotoGP');
  });

  it('cards read again for recall do not take in a list of links beside them', () => {
    const teasers = [
      'Neue Praxis in Wehlheiden eröffnet im Mai',
      'Notdienst am Wochenende: Was Patienten wissen müssen',
      'Wie lange Wartezeiten beim Facharzt dauern',
      'Impfen in der Apotheke: So funktioniert es',
    ];
    const cards = practices.map(
      ([name, street, hours], k) => `<div class="praxis"><a href="/praxis/${k}">${name}</a> <span>${street}</span> <span>${hours}</span></div>`,
    );
    const list = `<h2>Mehr zum Thema</h2><ul>${teasers.map((t, k) => `<li><a href="/artikel/${k}">${t}</a></li>`).join('')}</ul>`;
    const { text } = extractArticle(cardsPage(`${cards.join('')}${list}`), 'https://gesundheit.example/kassel/hausaerzte');
    expect(text).toContain('Gemeinschaftspraxis am Rathaus Obere Königsstraße 3 Sa 8–11 Uhr');
    expect(text).not.toContain('Notdienst am Wochenende');
  });

  it('a guide whose steps each sit in a wrapper of their own gives every step, not only the longest', () => {
    const steps = [
      [
        'Sit up straight',
        'Turn your attention to your chair. Adjust the height of your chair so your knees are at close to a right angle, so that your thighs are horizontal and your feet rest fully on the floor.',
      ],
      [
        'Relax your shoulders',
        'Adjust the height of your desk so that your elbows are level with the table. Raise or lower the desk until your arms form a straight line, then set the armrests so your elbows can rest on them.',
      ],
      [
        'Keep your screen at arm’s length',
        'Once your chair and desk are adjusted, turn to your screen. Place it at arm’s length, with the top of the screen at the level of your eyes, so that you never tilt your head to read it. If you use a laptop, raise it on a stand or a pile of books, and if you use two screens, put the one you use most right in front of you, with the second one beside it.',
      ],
      ['Keep your tools close', 'Put the keyboard and the mouse close to you, so that you never reach for them.'],
    ];
    const page = `<!doctype html><html lang="en"><head><title>A better desk | Ergo</title></head><body>
<nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
<main><section class="guide"><h2>Steps to a feel-better setup</h2><div class="grid">
${steps
  .map(
    ([title, text], k) => `<article class="step"><div class="media"><img src="/step-${k}.jpg" alt=""></div>
<div class="col"><div class="animated"><header><div class="label">SETUP STEP #${k + 1}</div> <h3>${title}</h3></header>
<div class="content"><div class="rich-text"><p>${text}</p></div></div></div></div></article>`,
  )
  .join('\n')}
</div></section></main><footer><a href="/privacy">Privacy</a></footer></body></html>`;
    const { text } = extractArticle(page, 'https://ergo.example/setup');
    for (const [, step] of steps) expect(text).toContain(step);
    for (const furniture of ['Shop', 'Privacy']) expect(text).not.toContain(furniture);
  });
});
