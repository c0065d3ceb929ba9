/** Versions in KV: append-only, one key per version. */
import { keys } from './keys';
import type { VersionRecord } from '../model/records';

export async function getVersion(kv: KVNamespace, id: string, n: number): Promise<VersionRecord | null> {
  return kv.get<VersionRecord>(keys.version(id, n), 'json');
}

export async function putVersion(kv: KVNamespace, id: string, version: VersionRecord): Promise<void> {
  await kv.put(keys.version(id, version.n), JSON.stringify(version));
}
