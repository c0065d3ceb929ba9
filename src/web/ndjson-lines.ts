/**
 * The lines of a request body, read as they stream in and counted as bytes: past `maxBytes` the
 * stream is cancelled and BodyTooLarge thrown, whether or not the request declared a length
 * (a chunked upload has none), so an oversized body is never held whole.
 */
import { drainThenCancel } from './body-limit';

export class BodyTooLarge extends Error {}
export class BodyNotText extends Error {}

export interface BodyLine {
  /** Counted from 1, blank lines included, as an editor counts them. */
  line: number;
  text: string;
}

export async function* bodyLines(body: ReadableStream<Uint8Array> | null, maxBytes: number): AsyncGenerator<BodyLine> {
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  let line = 0;
  // The start of a line not yet ended, in pieces: a long line costs its length once, not per chunk.
  let pending: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (!done) {
        bytes += value.byteLength;
        if (bytes > maxBytes) throw new BodyTooLarge(`an import is limited to ${maxBytes} bytes`);
      }
      let piece: string;
      try {
        piece = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        throw new BodyNotText(`line ${line + 1}: not UTF-8 text`);
      }
      let from = 0;
      for (let end = piece.indexOf('\n'); end !== -1; end = piece.indexOf('\n', from)) {
        pending.push(piece.slice(from, end));
        const text = pending.join('');
        pending = [];
        from = end + 1;
        yield { line: ++line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
      }
      pending.push(piece.slice(from));
      if (done) {
        const text = pending.join('');
        if (text) yield { line: ++line, text };
        return;
      }
    }
  } finally {
    // Refused early (a bad line, or too large): a small rest is read to its end first (body-limit.ts).
    if (bytes <= maxBytes) await drainThenCancel(reader);
    else await reader.cancel().catch(() => {});
  }
}
