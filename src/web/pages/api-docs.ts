/** `/api/docs`: the API described from its OpenAPI document, readable without script. */
import { html } from 'hono/html';
import { openApiDocument } from '../api';
import { layout } from './layout';

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

export function apiDocsPage(origin: string) {
  const doc = openApiDocument(origin) as unknown as {
    info: { title: string; version: string; description?: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return layout(
    'API',
    html`<h1>${doc.info.title} <span class="muted">${doc.info.version}</span></h1>
<p>${doc.info.description ?? ''}</p>
<p class="ui">The machine-readable description: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI 3.1). Load it in any OpenAPI tool to generate a client. Calls marked <strong>auth</strong> need <code>authorization: Bearer $ADMIN_TOKEN</code>.</p>
<nav aria-label="API calls"><ul class="list">${operations.map(({ path, method, op }) => html`<li><a href="#${method}-${path}"><code>${method} ${path}</code></a> <span class="muted">${op.summary ?? ''}</span></li>`)}</ul></nav>
${operations.map(
  ({
    path,
    method,
    op,
  }) => html`<section aria-labelledby="${method}-${path}"><h2 id="${method}-${path}"><code>${method} ${path}</code>${op.security?.length ? html` <span class="kind kind-event">auth</span>` : ''}</h2>
<p>${op.summary ?? ''}${op.description ? html` — ${op.description}` : ''}</p>
${op.parameters?.length ? html`<table class="data"><caption class="visually-hidden">Parameters</caption><thead><tr><th scope="col">Parameter</th><th scope="col">In</th><th scope="col">Meaning</th></tr></thead><tbody>${op.parameters.map((p) => html`<tr><td><code>${p.name}</code>${p.required ? ' (required)' : ''}</td><td>${p.in}</td><td>${p.description ?? ''}</td></tr>`)}</tbody></table>` : ''}
<p class="meta">Answers: ${Object.entries(op.responses ?? {}).map(([status, r], k) => html`${k ? ' · ' : ''}<strong>${status}</strong> ${r.description ?? ''}`)}</p>
</section>`,
)}
<h2>Try it</h2>
<pre>curl -s ${origin}/api/v1/changes?kind=spelling
curl -s -X POST ${origin}/api/v1/articles -H 'authorization: Bearer $ADMIN_TOKEN' -H 'content-type: application/json' -d '{"url": "https://example.com/story"}'</pre>`,
  );
}
