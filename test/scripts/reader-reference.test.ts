import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutDiff } from '../../scripts/lib/reader-reference';

/** A pair as ../shared/revisions/ lays one out: old.html, new.html and meta.json naming the container. */
function pair(oldBody: string, newBody: string): { old: string; new: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'reader-reference-')), 'pair');
  mkdirSync(dir);
  const page = (body: string) => `<!doctype html><html><body><nav>Home</nav><article>${body}</article></body></html>`;
  writeFileSync(join(dir, 'old.html'), page(oldBody));
  writeFileSync(join(dir, 'new.html'), page(newBody));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ old: { selector: 'article' }, new: { selector: 'article' } }));
  return { old: join(dir, 'old.html'), new: join(dir, 'new.html') };
}

describe("the revision pairs' reference, cut from textContent and from the text a reader sees", () => {
  const moved = pair(
    '<p>Verlag GmbH</p><p>Frankenallee 71<br>60327 Frankfurt</p><script>var id=1</script>',
    '<p>Verlag GmbH</p><p>Hedderichstraße 49<br>60594 Frankfurt</p><script>var id=2</script>',
  );

  it('textContent runs blocks together and keeps the script (its words "Frankfurtvar", "id")', () => {
    expect(cutDiff(moved.old, moved.new, 'textContent')).toEqual({
      removed: ['GmbHFrankenallee 7160327', 'id=1'],
      added: ['GmbHHedderichstraße 4960594', 'id=2'],
    });
  });

  it("the reader's cut keeps a break at each block and <br> and drops scripts", () => {
    expect(cutDiff(moved.old, moved.new, 'reader')).toEqual({
      removed: ['Frankenallee 71 60327'],
      added: ['Hedderichstraße 49 60594'],
    });
  });

  it('a break that became a space is a change to textContent only', () => {
    const reflowed = pair('<p>Tel. 069</p><p>E-Mail: a@b.de</p>', '<p>Tel. 069</p> <p>E-Mail: a@b.de</p>');
    expect(cutDiff(reflowed.old, reflowed.new, 'textContent')).toEqual({ removed: ['069E-Mail:'], added: ['069 E-Mail:'] });
    expect(cutDiff(reflowed.old, reflowed.new, 'reader')).toEqual({ removed: [], added: [] });
  });

  it('says so when a pair has no meta.json, and when its selector matches nothing', () => {
    const lone = join(mkdtempSync(join(tmpdir(), 'reader-reference-')), 'old.html');
    writeFileSync(lone, '<p>x</p>');
    expect(cutDiff(lone, lone, 'reader')).toBeNull();
    const wrong = pair('<p>a</p>', '<p>b</p>');
    writeFileSync(join(wrong.old, '..', 'meta.json'), JSON.stringify({ old: { selector: 'main' }, new: { selector: 'main' } }));
    expect(() => cutDiff(wrong.old, wrong.new, 'reader')).toThrow(/no element matches main/);
  });
});
