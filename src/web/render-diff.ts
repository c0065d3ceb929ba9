/**
 * A Diff as HTML: deletions in <del>, insertions in <ins>, everything else escaped text.
 * Used by the diff page (whole text) and the feeds (the changed words with a little context).
 */
import { html, raw } from 'hono/html';
import { contextSnippets } from '../diff';
import { codeBefore, isSpacelessCode } from '../diff/char-class';
import type { Diff, DiffChange } from '../model/diff';

const PARAGRAPH_BREAK = raw('<br><br>');

/** Escaped text with its blank-line paragraph breaks as <br><br>, so feed readers keep them. */
function textWithBreaks(text: string) {
  return text.split('\n\n').map((part, i) => (i === 0 ? html`${part}` : html`${PARAGRAPH_BREAK}${part}`));
}

const isLayout = (change: DiffChange | undefined) => change !== undefined && change.op !== 'equal' && !change.text.trim();

/** Chinese, Japanese or Thai words swapped read 周四周三 (struck out, underlined): those scripts put no space between words. */
const spacelessOnBothSides = (deleted: string, inserted: string) =>
  isSpacelessCode(codeBefore(deleted, deleted.length)) && isSpacelessCode(inserted.codePointAt(0) ?? 0);

/**
 * Deletions and insertions are marked without the spaces around them (those go outside the
 * tags), and a deletion directly followed by an insertion is kept apart by one space:
 * `<del>Rybakov</del> <ins>Ryabkov</ins>`, but in a script written without spaces by none:
 * `市政府<del>周四</del><ins>周三</ins>宣布`.
 *
 * A hunk of whitespace only (a paragraph split or joined, a space the diff moved) is layout, not
 * a visible change, and gets no mark: an inserted one is drawn as the new text's spacing; a
 * deleted one is dropped beside an insertion (which brings the new spacing) and kept as plain
 * spacing alone (the old side of a side-by-side row), so words never run together.
 */
export function renderChanges(changes: DiffChange[]) {
  return changes.map((change, i) => {
    if (change.op === 'equal') return textWithBreaks(change.text);
    if (isLayout(change)) {
      if (change.op === 'insert') return textWithBreaks(change.text);
      const besideInsert = changes[i + 1]?.op === 'insert' || changes[i - 1]?.op === 'insert';
      return besideInsert ? '' : textWithBreaks(change.text);
    }
    const [, before, core, after] = change.text.match(/^(\s*)([\s\S]*?)(\s*)$/)!;
    const tag = change.op === 'delete' ? html`<del>${textWithBreaks(core)}</del>` : html`<ins>${textWithBreaks(core)}</ins>`;
    const next = changes[i + 1];
    const apart = change.op === 'delete' && next?.op === 'insert' && !isLayout(next) && !after;
    const gap = apart && !spacelessOnBothSides(core, next.text) ? ' ' : '';
    return html`${textWithBreaks(before)}${tag}${textWithBreaks(after)}${gap}`;
  });
}

/** The changed words with a few words of context, one paragraph per cluster of changes. */
export function renderSnippets(diff: Diff, contextWords = 8) {
  return renderSnippetParts(diff.title, contextSnippets(diff, contextWords), null, diff.byline ?? null);
}

/** Snippets already cut (a change card's); `more` links to the whole diff when some were left out. */
export function renderSnippetParts(title: Diff['title'], snippets: DiffChange[][], more: string | null, byline: Diff['byline'] = null) {
  const headline = title ? html`<p>Headline: <del>${title.old}</del> <ins>${title.new}</ins></p>` : '';
  const parts = snippets.map((snippet) => html`<p>${renderChanges(snippet)}</p>`);
  return html`${headline}${renderByline({ byline })}${parts}${more ? html`<p><a href="${more}">More edits: see the whole diff</a></p>` : ''}`;
}

/** "Byline: <del>old</del> <ins>new</ins>", as the headline's change reads; empty when it did not change. */
export function renderByline(diff: Pick<Diff, 'byline'>, className = '') {
  const byline = diff.byline;
  if (!byline) return '';
  const old = byline.old ? html`<del dir="auto">${byline.old}</del>` : '';
  const now = byline.new ? html`<ins dir="auto">${byline.new}</ins>` : '';
  return html`<p${className ? html` class="${className}"` : ''}><strong>Byline:</strong> ${old}${old && now ? ' ' : ''}${now}</p>`;
}

/** Unchanged paragraphs in a row from which the middle ones fold away (still in the page, in <details>). */
const FOLD_FROM = 4;

function folded(paragraphs: string[]) {
  const label = `${paragraphs.length} unchanged paragraph${paragraphs.length === 1 ? '' : 's'}`;
  return html`<details class="fold"><summary>Show ${label}</summary>${textWithBreaks(paragraphs.join('\n\n'))}</details>`;
}

/** Equal text with the whole paragraphs in its middle folded away when there are many. */
function foldedEqual(text: string, fold: boolean) {
  const pieces = text.split('\n\n');
  if (!fold || pieces.length - 2 < FOLD_FROM) return textWithBreaks(text);
  const middle = pieces.slice(1, -1);
  return html`${textWithBreaks(pieces[0])}${PARAGRAPH_BREAK}${folded(middle)}${textWithBreaks(pieces.at(-1)!)}`;
}

/**
 * Inline diff with each run of edits wrapped in a numbered anchor (a permalink per edit), and
 * long stretches of unchanged paragraphs folded into <details> (open without script).
 */
export function renderInlineWithAnchors(changes: DiffChange[], options: { fold?: boolean } = {}) {
  const fold = (options.fold ?? true) && changes.some((c) => c.op !== 'equal');
  const parts: unknown[] = [];
  let run: DiffChange[] = [];
  let count = 0;
  const flush = () => {
    if (!run.length) return;
    if (run.every(isLayout)) {
      // Whitespace moved, nothing to see: no numbered edit.
      parts.push(renderChanges(run));
      run = [];
      return;
    }
    count++;
    const id = `edit-${count}`;
    parts.push(
      html`<span class="edit" id="${id}">${renderChanges(run)}</span><a class="pin" href="#${id}" title="Link to this edit" aria-label="Link to edit ${count}">${count}</a>`,
    );
    run = [];
  };
  for (const change of changes) {
    if (change.op === 'equal') {
      flush();
      parts.push(foldedEqual(change.text, fold));
    } else run.push(change);
  }
  flush();
  return { body: parts, edits: count };
}

/**
 * Side by side: rows of paragraphs, the old text with its deletions on the left and the new
 * text with its insertions on the right. A row ends where both sides reach a paragraph break.
 */
export function sideBySideRows(changes: DiffChange[]): { old: DiffChange[]; new: DiffChange[] }[] {
  const rows: { old: DiffChange[]; new: DiffChange[] }[] = [{ old: [], new: [] }];
  for (const change of changes) {
    if (change.op !== 'equal') {
      rows.at(-1)![change.op === 'delete' ? 'old' : 'new'].push(change);
      continue;
    }
    change.text.split('\n\n').forEach((piece, i) => {
      if (i > 0) rows.push({ old: [], new: [] });
      if (piece) {
        rows.at(-1)!.old.push({ op: 'equal', text: piece });
        rows.at(-1)!.new.push({ op: 'equal', text: piece });
      }
    });
  }
  return rows.filter((row) => row.old.length || row.new.length);
}

export function renderSideBySide(changes: DiffChange[], fromLabel: string, toLabel: string, options: { fold?: boolean } = {}) {
  const all = sideBySideRows(changes);
  const changed = all.map((row) => row.old.some((c) => c.op !== 'equal') || row.new.some((c) => c.op !== 'equal'));
  const rows: unknown[] = [];
  for (let k = 0; k < all.length; ) {
    // A run of unchanged rows keeps one row of context either side; the rest fold away.
    let end = k;
    while (end < all.length && !changed[end]) end++;
    const first = k === 0 ? k : k + 1;
    const last = end === all.length ? end : end - 1;
    if ((options.fold ?? true) && end > k && last - first >= FOLD_FROM && changed.some(Boolean)) {
      for (let m = k; m < first; m++) rows.push(sideRow(all[m], false, fromLabel, toLabel));
      const paragraphs = all.slice(first, last).map((row) => row.new.map((c) => c.text).join(''));
      rows.push(html`<tr class="folded"><td colspan="2">${folded(paragraphs)}</td></tr>`);
      for (let m = last; m < end; m++) rows.push(sideRow(all[m], false, fromLabel, toLabel));
      k = end;
      continue;
    }
    rows.push(sideRow(all[k], changed[k], fromLabel, toLabel));
    k++;
  }
  return html`<table class="sbs"><caption class="visually-hidden">${fromLabel} beside ${toLabel}</caption><thead><tr><th scope="col">${fromLabel}</th><th scope="col">${toLabel}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function sideRow(row: { old: DiffChange[]; new: DiffChange[] }, changed: boolean, fromLabel: string, toLabel: string) {
  return html`<tr${changed ? raw(' class="changed"') : ''}><td data-label="${fromLabel}">${renderChanges(row.old)}</td><td data-label="${changed ? toLabel : 'Both versions'}">${renderChanges(row.new)}</td></tr>`;
}
