import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const LEAD = '<p>The harbor council met on Tuesday and approved the budget, after a long debate that ran past midnight.</p>';
const MORE = '<p>Members argued over the dredging contract, which had been delayed twice since the spring floods hit the port.</p>';

describe('hidden elements', () => {
  it('a collapsed accordion panel is part of the story', () => {
    const html = `<article>${LEAD}<h2><button aria-controls="p1">What the contract covers</button></h2><div id="p1" role="region" aria-labelledby="h1" style="display:none">${MORE}</div></article>`;
    expect(extractArticle(html).text).toContain('dredging contract');
  });

  it('a panel a button opens (aria-controls) is part of the story, wherever the button sits', () => {
    const panel = `<div id="p2" class="accordion__content" hidden>${MORE}</div>`;
    const button = '<button aria-expanded="false" aria-controls="p2">Weiterlesen</button>';
    for (const html of [`<article>${LEAD}${button}${panel}</article>`, `<article>${LEAD}${panel}${button}</article>`]) {
      expect(extractArticle(html).text).toContain('dredging contract');
    }
  });

  it('the hidden rest of a story right after a "Continue reading" button is part of it', () => {
    for (const rest of [`<div class="article-rest" hidden>${MORE}</div>`, `<div style="display:none">${MORE}</div>`]) {
      for (const label of ['Continue reading', 'Weiterlesen', 'Lire la suite']) {
        expect(extractArticle(`<article>${LEAD}<button class="more">${label}</button>${rest}</article>`).text, label).toContain('dredging contract');
      }
    }
    // In a wrapper of its own, as a link, or "Mehr anzeigen" (a second tester's variations).
    for (const control of [
      '<div class="more"><button>Continue reading</button></div>',
      '<a href="#" role="button">Continue reading</a>',
      '<p><a href="#rest">Read more</a></p>',
      '<button>Mehr anzeigen</button>',
      '<button>Read full story</button>',
    ]) {
      expect(extractArticle(`<article>${LEAD}${control}<div hidden>${MORE}</div></article>`).text, control).toContain('dredging contract');
    }
    expect(extractArticle(`<article>${LEAD}<a href="/subscribe">Subscribe now</a><div hidden>${MORE}</div></article>`).text).not.toContain('dredging contract');
    // Any other button, or a block between, opens nothing.
    expect(extractArticle(`<article>${LEAD}<button>Subscribe</button><div hidden>${MORE}</div></article>`).text).not.toContain('dredging contract');
    expect(extractArticle(`<article>${LEAD}<button>Read more</button><p>Shown.</p><div hidden>${MORE}</div></article>`).text).not.toContain(
      'dredging contract',
    );
  });

  it('a hidden block no button opens is not, even with an id', () => {
    const html = `<article>${LEAD}<button aria-expanded="false" aria-controls="menu">Menu</button><div id="signup" hidden>${MORE}</div></article>`;
    expect(extractArticle(html).text).not.toContain('dredging contract');
  });

  it("an accordion's heading is the text of the button inside it", () => {
    const html = `<article>${LEAD}<h3><button aria-expanded="false" aria-controls="p3">3. Ihre Rechte</button></h3><div id="p3" style="display:none">${MORE}</div><p><button>Teilen</button></p></article>`;
    const { text } = extractArticle(html);
    expect(text).toContain('3. Ihre Rechte\n\nMembers argued');
    expect(text).not.toContain('Teilen');
  });

  it('a hidden dialog is not', () => {
    const html = `<article>${LEAD}<div class="signup" style="display:none"><p>Subscribe to our newsletter and get every story from the harbor in your inbox each morning.</p></div>${MORE}</article>`;
    const { text } = extractArticle(html);
    expect(text).toContain('dredging contract');
    expect(text).not.toContain('Subscribe');
  });

  it('a hidden block as long as the visible story is not, whichever of its paragraphs it has', () => {
    const hidden = [
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.',
      'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo.',
      'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.',
    ];
    for (const kept of [hidden, hidden.slice(1)]) {
      const html = `<article><div style="visibility: hidden">${kept.map((p) => `<p>${p}</p>`).join('')}</div><div>${LEAD}${MORE}</div></article>`;
      expect(extractArticle(html).text).toBe([LEAD, MORE].map((p) => p.slice(3, -4)).join('\n\n'));
    }
  });
});
