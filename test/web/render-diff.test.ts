import { html } from 'hono/html';
import { describe, expect, it } from 'vitest';
import type { DiffChange } from '../../src/model/diff';
import { renderChanges } from '../../src/web/render-diff';

const render = async (changes: DiffChange[]) => String(await html`${renderChanges(changes)}`);

describe('renderChanges', () => {
  it('marks a replaced word as <del>old</del> <ins>new</ins> with spaces outside the tags', async () => {
    expect(
      await render([
        { op: 'equal', text: 'Mr. ' },
        { op: 'delete', text: 'Rybakov ' },
        { op: 'insert', text: 'Ryabkov ' },
        { op: 'equal', text: 'said' },
      ]),
    ).toBe('Mr. <del>Rybakov</del> <ins>Ryabkov</ins> said');
    expect(
      await render([
        { op: 'equal', text: 'Mr. ' },
        { op: 'delete', text: 'Rybakov' },
        { op: 'insert', text: 'Ryabkov' },
        { op: 'equal', text: ' said' },
      ]),
    ).toBe('Mr. <del>Rybakov</del> <ins>Ryabkov</ins> said');
  });

  it('escapes page text and keeps paragraph breaks', async () => {
    expect(
      await render([
        { op: 'equal', text: '<script>alert(1)</script>\n\n' },
        { op: 'insert', text: 'a & b\n\nc' },
      ]),
    ).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<br><br><ins>a &amp; b<br><br>c</ins>');
  });
});
