/**
 * The import graph of src/, checked: no import circles, and each layer imports only the layers
 * below it (LAYERS, top first). Run by `npm run lint`; prints each offence and exits 1.
 *
 * A layer is a folder under src/ (or a top-level file). `import type` counts too: a type that
 * points up the layers is a dependency all the same.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Top first. A module may import from its own layer and from any layer listed after it. */
export const LAYERS: string[][] = [
  ['index.ts', 'cli'],
  ['web'],
  ['cron'],
  ['check', 'discovery', 'notify', 'evidence'],
  ['changes', 'cards'],
  ['store', 'net'],
  ['extract', 'diff', 'schedule'],
  ['model', 'settings.ts', 'metrics.ts'],
];

/** Copies of dependencies' entry points for the bundle (wrangler.toml [alias]), not our layers. */
const VENDORED = ['bundle'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (VENDORED.includes(relative(SRC, path))) return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importGraph(root = SRC): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map((m) => resolveImport(file, m[1] ?? m[2]))
      .filter((t): t is string => t !== null && !relative(root, t).startsWith('..'));
    graph.set(relative(root, file), [...new Set(targets.map((t) => relative(root, t)))]);
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan): each is an import circle. */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const layerOf = (file: string) => {
  const top = file.split('/')[0];
  return LAYERS.findIndex((layer) => layer.includes(top));
};

/** Modules only their own folder may import: the KV key layout is the store's alone. */
const PRIVATE = ['store/keys.ts'];

/** Imports of another folder's private module. */
export function privateImports(graph: Map<string, string[]>): string[] {
  const offences: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      if (PRIVATE.includes(target) && file.split('/')[0] !== target.split('/')[0])
        offences.push(`${file} imports ${target}, private to ${target.split('/')[0]}/`);
    }
  }
  return offences;
}

/** Imports that point up the layers, or into a folder no layer names. */
export function upwardImports(graph: Map<string, string[]>): string[] {
  const offences: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    if (from < 0) offences.push(`${file}: its folder is in no layer (scripts/check-layers.ts LAYERS)`);
    for (const target of targets) {
      const to = layerOf(target);
      if (from >= 0 && to >= 0 && to < from) offences.push(`${file} imports ${target}, a layer above it`);
    }
  }
  return offences;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const problems = [...circles(graph).map((circle) => `import circle: ${circle.join(' -> ')}`), ...upwardImports(graph), ...privateImports(graph)];
  for (const problem of problems) console.log(problem);
  console.log(`layers: ${graph.size} modules, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
