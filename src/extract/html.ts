/**
 * HTML -> open/text/close events, on htmlparser2's Tokenizer directly. It keeps htmlparser2's
 * Parser rules (lower-cased tag names, implied end tags such as `<p>` closed by `<div>`, void
 * elements, `</p>` and `</br>` without an opening tag, self-closing tags inside svg/math), so the
 * tree is the one the Parser would give, but costs less per tag:
 *
 * - the open-element stack grows at its end and counts open elements by name, so every tag costs
 *   amortized O(1) (the Parser shifts and searches an array, quadratic on 100,000 open tags);
 * - while the sink says it is skipping (inside a script, an svg, a dropped subtree), text is not
 *   sliced out of the page and attributes are not collected, and only the attributes the sink
 *   names are collected at all.
 */
import { Tokenizer } from 'htmlparser2';

export interface HtmlSink {
  /** `attributes` is null when `wantsAttributes(tag)` said false. */
  open(tag: string, attributes: Record<string, string> | null): void;
  text(text: string): void;
  close(tag: string): void;
  /** Which attributes of the element will be looked at: all, none, or these names. */
  wantsAttributes(tag: string): boolean | ReadonlySet<string>;
  /** False while text at this point would be thrown away. */
  wantsText(): boolean;
}

const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P = new Set(['p']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
/** Open tags that close the listed open elements first (htmlparser2's `openImpliesClose`). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['p', P],
  ['h1', P],
  ['h2', P],
  ['h3', P],
  ['h4', P],
  ['h5', P],
  ['h6', P],
  ['select', FORM],
  ['input', FORM],
  ['output', FORM],
  ['button', FORM],
  ['datalist', FORM],
  ['textarea', FORM],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['address', P],
  ['article', P],
  ['aside', P],
  ['blockquote', P],
  ['details', P],
  ['div', P],
  ['dl', P],
  ['fieldset', P],
  ['figcaption', P],
  ['figure', P],
  ['footer', P],
  ['form', P],
  ['header', P],
  ['hr', P],
  ['main', P],
  ['nav', P],
  ['ol', P],
  ['pre', P],
  ['section', P],
  ['table', P],
  ['ul', P],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTION],
  ['tfoot', TABLE_SECTION],
]);
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** What the tag rules above say about a tag name, looked up once per tag. */
interface TagRules {
  closes: Set<string> | undefined;
  void: boolean;
  foreign: boolean;
  integration: boolean;
}
const PLAIN: TagRules = { closes: undefined, void: false, foreign: false, integration: false };
const RULES = new Map<string, TagRules>();
for (const name of [...IMPLIES_CLOSE.keys(), ...VOID, ...FOREIGN, ...INTEGRATION]) {
  RULES.set(name, { closes: IMPLIES_CLOSE.get(name), void: VOID.has(name), foreign: FOREIGN.has(name), integration: INTEGRATION.has(name) });
}

/** The Tokenizer's fields and methods that FastTokenizer reads and replaces (htmlparser2 10). */
interface TokenizerInternals {
  buffer: string;
  offset: number;
  index: number;
  /** FastTokenizer's: where the next `&` is in `buffer`, or `buffer.length` when there is none. */
  nextAmp: number;
  fastForwardTo(c: number): boolean;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  stateInTagName(c: number): void;
  stateInAttributeName(c: number): void;
  stateInClosingTagName(c: number): void;
}

const LT = 0x3c;
const AMP = 0x26;

/**
 * The Tokenizer looks at a page one charCodeAt at a time, in JavaScript: script and style bodies
 * (nearly half of a news page's bytes), comments, text and attribute values. These overrides find
 * the next character that matters with the native indexOf instead and leave the index where the
 * Tokenizer's own loop would have stopped, so the tokens are the same.
 */
class FastTokenizer extends Tokenizer {
  nextAmp = -1;
}
const base = Tokenizer.prototype as unknown as TokenizerInternals;
const fast = FastTokenizer.prototype as unknown as TokenizerInternals;

/** Moves the index to just before the next `stop` or `&` (the Tokenizer's loop then steps onto it). */
function skipPlain(tokenizer: TokenizerInternals, stop: string): void {
  const buffer = tokenizer.buffer;
  const from = tokenizer.index + 1 - tokenizer.offset;
  let next = buffer.indexOf(stop, from);
  if (next < 0) next = buffer.length;
  if (tokenizer.nextAmp < from) {
    const amp = buffer.indexOf('&', from);
    tokenizer.nextAmp = amp < 0 ? buffer.length : amp;
  }
  tokenizer.index = Math.min(next, tokenizer.nextAmp) + tokenizer.offset - 1;
}

if (typeof base.fastForwardTo === 'function' && typeof base.stateText === 'function' && typeof base.handleInAttributeValue === 'function') {
  const stateText = base.stateText;
  const handleInAttributeValue = base.handleInAttributeValue;
  fast.fastForwardTo = function (this: TokenizerInternals, c: number) {
    const at = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
    if (at < 0) {
      // The Tokenizer's loop adds one after the state returns: leave the index on the last character.
      this.index = this.buffer.length + this.offset - 1;
      return false;
    }
    this.index = at + this.offset;
    return true;
  };
  fast.stateText = function (this: TokenizerInternals, c: number) {
    if (c === LT || c === AMP) stateText.call(this, c);
    else skipPlain(this, '<');
  };
  fast.handleInAttributeValue = function (this: TokenizerInternals, c: number, quote: number) {
    if (c === quote || c === AMP) handleInAttributeValue.call(this, c, quote);
    else skipPlain(this, quote === 0x22 ? '"' : "'");
  };
}

/** Whitespace as the Tokenizer sees it: space, tab, newline, form feed, carriage return. */
function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

const isTagNameEnd = (c: number) => c === 0x2f || c === 0x3e || isHtmlSpace(c);
const isAttributeNameEnd = (c: number) => c === 0x3d || c === 0x2f || c === 0x3e || isHtmlSpace(c);
const isClosingTagNameEnd = (c: number) => c === 0x3e || isHtmlSpace(c);

/**
 * Tag and attribute names: one loop here to the character that ends the name instead of one pass
 * of the Tokenizer's state machine per character. The index is left just before that character
 * (or on the buffer's last one), where the Tokenizer's loop then steps onto it.
 */
if (typeof base.stateInTagName === 'function' && typeof base.stateInAttributeName === 'function' && typeof base.stateInClosingTagName === 'function') {
  const stateInTagName = base.stateInTagName;
  const stateInAttributeName = base.stateInAttributeName;
  const stateInClosingTagName = base.stateInClosingTagName;
  fast.stateInTagName = function (this: TokenizerInternals, c: number) {
    if (isTagNameEnd(c)) return stateInTagName.call(this, c);
    const buffer = this.buffer;
    let i = this.index + 1 - this.offset;
    while (i < buffer.length && !isTagNameEnd(buffer.charCodeAt(i))) i++;
    this.index = i + this.offset - 1;
  };
  fast.stateInAttributeName = function (this: TokenizerInternals, c: number) {
    if (isAttributeNameEnd(c)) return stateInAttributeName.call(this, c);
    const buffer = this.buffer;
    let i = this.index + 1 - this.offset;
    while (i < buffer.length && !isAttributeNameEnd(buffer.charCodeAt(i))) i++;
    this.index = i + this.offset - 1;
  };
  fast.stateInClosingTagName = function (this: TokenizerInternals, c: number) {
    if (isClosingTagNameEnd(c)) return stateInClosingTagName.call(this, c);
    const buffer = this.buffer;
    let i = this.index + 1 - this.offset;
    while (i < buffer.length && !isClosingTagNameEnd(buffer.charCodeAt(i))) i++;
    this.index = i + this.offset - 1;
  };
}

function fromCodePoint(codePoint: number): string {
  return codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(codePoint);
}

/** Feeds the whole page to `sink`; every element opened is closed before it returns. */
export function parseHtml(html: string, sink: HtmlSink): void {
  const names: string[] = [];
  /**
   * Inside svg/math, where `<x/>` closes itself. Kept as the Parser keeps it: pushed when svg, math
   * or an HTML integration point opens, popped on their end tags only.
   */
  const foreign: boolean[] = [false];
  const open = new Map<string, number>();
  let tag = '';
  let tagRules = PLAIN;
  let attributes: Record<string, string> | null = null;
  let wanted: true | ReadonlySet<string> = true;
  let keepAttribute = false;
  let attributeName = '';
  let attributeValue = '';

  const pop = () => {
    const name = names.pop() as string;
    open.set(name, (open.get(name) as number) - 1);
    sink.close(name);
  };
  const push = (name: string, rules: TagRules) => {
    names.push(name);
    if (rules.foreign) foreign.push(true);
    else if (rules.integration) foreign.push(false);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const startTag = (name: string) => {
    tagRules = RULES.get(name) ?? PLAIN;
    const closes = tagRules.closes;
    if (closes) while (names.length > 0 && closes.has(names[names.length - 1])) pop();
    tag = name;
    const wants = sink.wantsAttributes(name);
    attributes = wants === false ? null : {};
    if (wants !== false) wanted = wants;
  };
  const endStartTag = () => {
    const name = tag;
    tag = '';
    if (tagRules.void) {
      sink.open(name, attributes);
      sink.close(name);
    } else {
      push(name, tagRules);
      sink.open(name, attributes);
    }
    attributes = null;
  };
  const endTag = (name: string) => {
    const rules = RULES.get(name) ?? PLAIN;
    if (rules.foreign || rules.integration) foreign.pop();
    if (rules.void) {
      if (name === 'br') {
        sink.open('br', sink.wantsAttributes('br') ? {} : null);
        sink.close('br');
      }
      return;
    }
    if ((open.get(name) ?? 0) > 0) {
      while (names[names.length - 1] !== name) pop();
      pop();
    } else if (name === 'p') {
      startTag('p');
      endStartTag();
      pop();
    }
  };

  const tokenizer = new FastTokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        startTag(html.slice(start, end).toLowerCase());
      },
      onattribname(start, end) {
        if (attributes === null) return;
        attributeName = html.slice(start, end);
        keepAttribute = wanted === true || wanted.has(attributeName);
      },
      onattribdata(start, end) {
        if (keepAttribute) attributeValue += html.slice(start, end);
      },
      onattribentity(codePoint) {
        if (keepAttribute) attributeValue += fromCodePoint(codePoint);
      },
      onattribend() {
        if (keepAttribute && attributes !== null && !Object.hasOwn(attributes, attributeName)) {
          attributes[attributeName] = attributeValue;
        }
        keepAttribute = false;
        attributeValue = '';
      },
      onopentagend() {
        endStartTag();
      },
      onselfclosingtag() {
        const name = tag;
        endStartTag();
        if (foreign.length > 0 && foreign[foreign.length - 1] && names[names.length - 1] === name) pop();
      },
      onclosetag(start, end) {
        endTag(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        if (sink.wantsText()) sink.text(html.slice(start, end));
      },
      ontextentity(codePoint) {
        if (sink.wantsText()) sink.text(fromCodePoint(codePoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  while (names.length > 0) pop();
}
