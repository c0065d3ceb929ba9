/**
 * What one tick runs: at most `budget` checks, at most `perHost` requests to any one host (what
 * the tick already spent on a host, reading its feeds, counts too). The rest carries over.
 */
export interface Candidate {
  id: string;
  host: string | null;
}

export function pickForTick<T extends Candidate>(
  candidates: T[],
  budget: number,
  perHost: number,
  spent: Map<string, number> = new Map(),
): { run: T[]; later: T[] } {
  const run: T[] = [];
  const later: T[] = [];
  const used = new Map(spent);
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const host = candidate.host ?? '';
    const count = used.get(host) ?? 0;
    if (run.length >= budget || (candidate.host !== null && count >= perHost)) {
      later.push(candidate);
      continue;
    }
    used.set(host, count + 1);
    run.push(candidate);
  }
  return { run, later };
}

/** Runs `work` over `items`, at most `concurrency` at once overall and `perHost` per host. */
export async function runBounded<T extends Candidate, R>(items: T[], concurrency: number, perHost: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const active = new Map<string, number>();
  const waiting = items.map((item, index) => ({ item, index }));
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const next = () => {
      if (waiting.length === 0 && running === 0) return resolve();
      while (running < concurrency) {
        const at = waiting.findIndex(({ item }) => (active.get(item.host ?? '') ?? 0) < perHost);
        if (at < 0) return;
        const [{ item, index }] = waiting.splice(at, 1);
        const host = item.host ?? '';
        active.set(host, (active.get(host) ?? 0) + 1);
        running++;
        work(item).then((result) => {
          results[index] = result;
          active.set(host, (active.get(host) ?? 1) - 1);
          running--;
          next();
        }, reject);
      }
    };
    next();
  });
  return results;
}
