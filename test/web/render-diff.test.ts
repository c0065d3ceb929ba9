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

  it('puts no space between a replaced word and its replacement in Chinese, Japanese or Thai', async () => {
    const swap = (before: string, old: string, now: string, after: string) =>
      render([
        { op: 'equal', text: before },
        { op: 'delete', text: old },
        { op: 'insert', text: now },
        { op: 'equal', text: after },
      ]);
    expect(await swap('市政府', '周四', '周三', '宣布')).toBe('市政府<del>周四</del><ins>周三</ins>宣布');
    expect(await swap('東京都は', '木曜日', '水曜日', 'に発表した。')).toBe('東京都は<del>木曜日</del><ins>水曜日</ins>に発表した。');
    expect(await swap('รัฐบาลประกาศเมื่อวัน', 'พฤหัสบดี', 'พุธ', '')).toBe('รัฐบาลประกาศเมื่อวัน<del>พฤหัสบดี</del><ins>พุธ</ins>');
    // Beside Latin letters or digits, the space stays.
    expect(await swap('会议在', '周四', 'Thursday', '举行')).toBe('会议在<del>周四</del> <ins>Thursday</ins>举行');
    expect(await swap('耗资', '42', '四十二', '亿元')).toBe('耗资<del>42</del> <ins>四十二</ins>亿元');
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
