/** Admin sessions in KV (web/admin/session.ts decides what they hold): named by the SHA-256 of the session id, with a TTL. */
import { adminSessionKeys } from './keys';

export async function putAdminSession(kv: KVNamespace, idHash: string, value: unknown, ttlSeconds: number): Promise<void> {
  await kv.put(adminSessionKeys.session(idHash), JSON.stringify(value), { expirationTtl: ttlSeconds });
}

export function getAdminSession<T>(kv: KVNamespace, idHash: string): Promise<T | null> {
  return kv.get<T>(adminSessionKeys.session(idHash), 'json');
}

export async function deleteAdminSession(kv: KVNamespace, idHash: string): Promise<void> {
  await kv.delete(adminSessionKeys.session(idHash));
}
