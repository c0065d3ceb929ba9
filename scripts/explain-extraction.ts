/**
 * `npx tsx scripts/explain-extraction.ts PAGE.html [URL]`: why extraction kept what it kept. Prints
 * the chosen body blocks, then every block inside them that was left out (with its text's start
 * and the rule that dropped it), then paragraphs dropped as furniture lines. A tool for tuning
 * the extractor on a page that loses text; the check never runs it.
 */
import { readFileSync } from 'node:fs';
import { decodeHtml } from '../src/extract/charset';
import { bodyFilter } from '../src/extract/clean';
import { findBody } from '../src/extract/score';
import { buildTree, type Element, type Node } from '../src/extract/tree';

function textOf(node: Node, limit = 80): string {
  let out = '';
  const stack: Node[] = [node];
  while (stack.length && out.length < limit) {
    const n = stack.pop()!;
    if (typeof n === 'string') out += n;
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, limit);
}

const describe = (e: Element) =>
  `<${e.tag}${e.hint ? ` "${e.hint.slice(0, 50)}"` : ''}> text ${e.textLen} good ${e.goodLen} links ${e.linkLen}${e.dropped ? ' dropped' : ''}`;

const [file, url] = process.argv.slice(2);
const html = decodeHtml(new Uint8Array(readFileSync(file)), null);
const { root } = buildTree(html);
const body = findBody(root);
console.log('body:');
for (const b of body) console.log(`  ${describe(b)} score ${b.score.toFixed(1)}  ${textOf(b)}`);
const keep = bodyFilter(body);
const stack: Element[] = [...body];
console.log('left out:');
while (stack.length) {
  const e = stack.pop()!;
  if (!keep(e)) {
    if (e.textLen > 0) console.log(`  ${describe(e)}  ${textOf(e)}`);
    continue;
  }
  for (const c of e.children) if (typeof c !== 'string') stack.push(c);
}
void url;
