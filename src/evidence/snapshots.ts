/**
 * Evidence: the raw HTML of every stored version, as fetched, in R2 (binding SNAPSHOTS).
 *
 * Each page body is gzipped (CompressionStream) and stored under the SHA-256 of its raw bytes,
 * `html/<sha256>.gz`, so a byte-identical page is stored once and anyone holding a download can
 * check it against the hash the version names. The binding is optional: without it nothing is
 * kept and versions simply name no snapshot.
 */

import { sha256Hex } from '../model/sha256';
import type { SnapshotRef } from '../store';

export type { SnapshotRef };

const SHA256 = /^[0-9a-f]{64}$/;

/** The R2 key of a snapshot: content-addressed. */
export const snapshotKey = (sha256: string) => `html/${sha256}.gz`;

export const sha256OfBytes = (bytes: Uint8Array): Promise<string> => sha256Hex(bytes);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return readAll(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')));
}

export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return readAll(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')));
}

/**
 * Keeps one page body; answers its reference. A body already stored (same hash) costs one
 * head request and no write.
 */
export async function putSnapshot(bucket: R2Bucket, raw: Uint8Array, contentType: string | null): Promise<SnapshotRef> {
  const sha256 = await sha256OfBytes(raw);
  const key = snapshotKey(sha256);
  const existing = await bucket.head(key);
  if (existing) return { sha256, bytes: raw.byteLength, storedBytes: existing.size, contentType };
  const packed = await gzip(raw);
  await bucket.put(key, packed, {
    httpMetadata: { contentType: 'application/gzip' },
    customMetadata: { bytes: String(raw.byteLength), ...(contentType ? { contentType: contentType.slice(0, 200) } : {}) },
  });
  return { sha256, bytes: raw.byteLength, storedBytes: packed.byteLength, contentType };
}

/** The gzipped bytes of a snapshot, or null when it is not there (or the hash is not one). */
export async function getSnapshotGzip(bucket: R2Bucket, sha256: string): Promise<Uint8Array | null> {
  if (!SHA256.test(sha256)) return null;
  const object = await bucket.get(snapshotKey(sha256));
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

/** The raw page bytes of a snapshot, checked against their hash; null when missing. */
export async function getSnapshot(bucket: R2Bucket, sha256: string): Promise<Uint8Array | null> {
  return (await getSnapshotPage(bucket, sha256))?.raw ?? null;
}

/** A snapshot's raw bytes with the Content-Type they were served with (their charset), for reading the page again. */
export async function getSnapshotPage(bucket: R2Bucket, sha256: string): Promise<{ raw: Uint8Array; contentType: string | null } | null> {
  if (!SHA256.test(sha256)) return null;
  const object = await bucket.get(snapshotKey(sha256));
  if (!object) return null;
  const raw = await gunzip(new Uint8Array(await object.arrayBuffer()));
  if ((await sha256OfBytes(raw)) !== sha256) throw new Error(`snapshot ${sha256} does not match its hash`);
  return { raw, contentType: object.customMetadata?.contentType ?? null };
}

/** Stores gzipped bytes as they came in an export, after checking they are the snapshot named. */
export async function restoreSnapshot(bucket: R2Bucket, sha256: string, packed: Uint8Array): Promise<boolean> {
  if (!SHA256.test(sha256)) return false;
  const raw = await gunzip(packed).catch(() => null);
  if (!raw || (await sha256OfBytes(raw)) !== sha256) return false;
  await bucket.put(snapshotKey(sha256), packed, { httpMetadata: { contentType: 'application/gzip' }, customMetadata: { bytes: String(raw.byteLength) } });
  return true;
}

/** Base64 of bytes, for a snapshot line in an export. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The bytes of a base64 text, or null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}
