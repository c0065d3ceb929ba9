/**
 * How posting calls Mastodon and Bluesky: through src/net's fetchOutbound, the one policed
 * fetcher (the URL policy on every hop, a deadline, a byte cap on the answer, credentials never
 * carried to another origin), expecting JSON back. This adapts its outcome to what a post step
 * needs: the parsed JSON, or an error and whether it is worth retrying.
 */
import { fetchOutbound } from '../net';

export interface OutboundCall {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | Uint8Array | FormData;
  timeoutMs: number;
  allowPrivateUrls: boolean;
  /** Tests only: stands in for the global fetch. */
  transport?: typeof fetch;
}

export type OutboundAnswer =
  | { ok: true; status: number; json: unknown }
  | { ok: false; status: number | null; error: string; retryable: boolean; retryAfterMs: number | null };

/** Largest answer read: Mastodon's and Bluesky's answers here are a few KB of JSON. */
const MAX_ANSWER_BYTES = 256 * 1024;
/** A Retry-After longer than this is not waited for inside one delivery: the attempt fails. */
const MAX_RETRY_AFTER_MS = 10_000;

export async function callOutbound(url: string, call: OutboundCall): Promise<OutboundAnswer> {
  const got = await fetchOutbound(url, {
    method: call.method,
    headers: { 'user-agent': 'Redline posting', ...call.headers },
    body: call.body,
    expect: 'json',
    policy: { allowPrivateUrls: call.allowPrivateUrls },
    maxBytes: MAX_ANSWER_BYTES,
    timeoutMs: call.timeoutMs,
    transport: call.transport,
  });
  if (!got.ok) {
    const retryable =
      got.kind === 'network' || got.kind === 'timeout' || (got.kind === 'http' && (got.status === 408 || got.status === 429 || (got.status ?? 0) >= 500));
    const retryAfterMs = got.retryAfterSeconds === undefined ? null : Math.min(MAX_RETRY_AFTER_MS, got.retryAfterSeconds * 1000);
    return { ok: false, status: got.status ?? null, error: `${got.kind}: ${got.message}`, retryable, retryAfterMs };
  }
  try {
    const text = new TextDecoder().decode(got.bytes);
    return { ok: true, status: got.status, json: text ? JSON.parse(text) : null };
  } catch {
    return { ok: false, status: got.status, error: 'the answer is not JSON', retryable: false, retryAfterMs: null };
  }
}
