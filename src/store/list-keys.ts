/** Every key under a prefix, page by page (KV lists at most 1,000 keys a call): the one list-all loop of the store. */
export async function* listKeys<Metadata = unknown>(kv: KVNamespace, prefix: string): AsyncGenerator<KVNamespaceListKey<Metadata, string>> {
  let cursor: string | undefined;
  do {
    const page = await kv.list<Metadata>({ prefix, cursor });
    yield* page.keys;
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
}
