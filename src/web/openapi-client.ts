/**
 * What makes the OpenAPI document good for generated clients (and clean under Redocly's
 * recommended rules): a stable operationId on every operation, which client generators turn into
 * method names; security stated on every operation (`security: []` for the public reads, so a
 * client knows not to send the token); and a license in `info`.
 *
 * The ids are written out here rather than derived, so renaming a path never renames a client's
 * method by accident. An operation missing from the table still gets a derived id, and the test
 * (test/web/openapi-client.test.ts) fails until it is named here.
 */
export const OPERATION_IDS: Record<string, string> = {
  'POST /articles': 'trackArticle',
  'GET /articles': 'listArticles',
  'GET /articles/{id}': 'getArticle',
  'DELETE /articles/{id}': 'untrackArticle',
  'POST /articles/{id}/check': 'checkArticle',
  'GET /articles/{id}/versions/{n}': 'getVersion',
  'GET /articles/{id}/diff': 'getDiff',
  'GET /changes': 'listChanges',
  'GET /sites/{host}': 'getSite',
  'GET /webhooks': 'listWebhookDeliveries',
  'POST /webhooks/test': 'testWebhooks',
  'GET /export': 'exportEverything',
  'POST /import': 'importExport',
  'POST /sources': 'addSource',
  'GET /sources': 'listSources',
  'DELETE /sources/{id}': 'removeSource',
  'GET /posts': 'listPostDeliveries',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** "GET /articles/{id}/diff" -> "getArticlesIdDiff": for an operation not in the table yet. */
function derivedId(method: string, path: string): string {
  const words = [method, ...path.split(/[^A-Za-z0-9]+/).filter(Boolean)];
  return words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w.toLowerCase())).join('');
}

interface Operation {
  operationId?: string;
  security?: unknown[];
}

interface Document {
  info: Record<string, unknown>;
  paths?: Record<string, Record<string, unknown>>;
}

export function forClients<T extends object>(document: T): T {
  const doc = document as unknown as Document;
  doc.info.license ??= { name: 'UNLICENSED', url: 'https://github.com/redline-news/redline' };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      operation.operationId ??= OPERATION_IDS[`${method.toUpperCase()} ${path}`] ?? derivedId(method, path);
      operation.security ??= [];
    }
  }
  return document;
}
