/**
 * Request bodies with a size cap, read as they stream in (a chunked upload declares no length).
 * A refused upload has a small rest read to its end before the stream is cancelled: cancelling an
 * upload mid-stream leaves `wrangler dev`'s proxy stuck on the next request (workerd#1741), and on
 * the platform reading at most DRAIN_BYTES more costs little. A larger rest is cancelled unread.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

/** Most bytes of a refused upload read and dropped before the rest is cancelled. */
export const DRAIN_BYTES = 1024 * 1024;

/** Reads and drops up to `maxBytes` of what is left, then cancels the rest. */
export async function drainThenCancel(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes = DRAIN_BYTES): Promise<void> {
  let read = 0;
  try {
    while (read <= maxBytes) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
  } catch {
    // The client went away: nothing left to read.
  }
  await reader.cancel().catch(() => {});
}

/**
 * Caps the body at `maxBytes`; past it, `refuse(c)` answers (a 413) and the handler never runs.
 * A declared Content-Length past the cap is refused before a byte is read: a client that declares
 * 50 MB and then stalls would otherwise hold the request open.
 */
export function limitBody(maxBytes: number, refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    if (Number(c.req.header('content-length') ?? 0) > maxBytes) {
      await body.cancel().catch(() => {});
      return refuse(c);
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await drainThenCancel(reader);
        return refuse(c);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    // The handler reads the body as it was sent, from memory.
    c.req.raw = new Request(c.req.raw, { body: bytes });
    await next();
  });
}
