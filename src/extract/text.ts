/**
 * Pruned tree -> paragraphs. One iterative walk: every block boundary (and <br>) ends a paragraph,
 * a table row becomes one paragraph with its cells joined by " | ", and subtrees the caller
 * rejects are skipped whole.
 */
import type { Element, Node } from './tree';

interface Close {
  close: Element;
}

/** Paragraph texts of the given subtrees, in document order; `keep` decides on every element. */
export function paragraphTexts(roots: Element[], keep: (element: Element) => boolean): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let cells = 0;
  const flush = () => {
    if (current.trim()) paragraphs.push(current);
    current = '';
    cells = 0;
  };
  const stack: Array<Node | Close> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length > 0) {
    const item = stack.pop() as Node | Close;
    if (typeof item === 'string') {
      current += item;
      continue;
    }
    if ('close' in item) {
      const tag = item.close.tag;
      if (tag === 'td' || tag === 'th') current += ' ';
      else flush();
      continue;
    }
    const element = item;
    if (!keep(element)) {
      if (element.block) current += ' ';
      continue;
    }
    const tag = element.tag;
    if (tag === 'br' || tag === 'hr') {
      flush();
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      if (cells++ > 0 && current.trim()) current += ' | ';
      else current += ' ';
      stack.push({ close: element });
    } else if (element.block) {
      flush();
      stack.push({ close: element });
    } else if (element.attrs.role === 'button' && current.trim() === '') {
      // A button that opens a line is a control of its own ("Next", "Show more"), not the start
      // of the next link's line: its line ends with it. One inside a sentence (a footnote
      // marker) stays in the sentence.
      stack.push({ close: element });
    }
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return paragraphs;
}
