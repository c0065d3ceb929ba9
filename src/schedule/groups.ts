/**
 * A tick's checks cut into groups, each handed to one dispatcher invocation, and the groups run
 * so that the per-host limit holds across the whole tick: each host's checks sit together (a
 * host spans as few groups as it can), and two groups that share a host never run at once, so a
 * host never has more checks running than one group allows it.
 */
import type { Candidate } from './pick';

/** `items` in groups of at most `size`: each host's items together, hosts in the order they first appear. */
export function groupsByHost<T extends Candidate>(items: T[], size: number): T[][] {
  const byHost = new Map<string, T[]>();
  for (const item of items) {
    const host = item.host ?? '';
    const list = byHost.get(host);
    if (list) list.push(item);
    else byHost.set(host, [item]);
  }
  const ordered = [...byHost.values()].flat();
  const groups: T[][] = [];
  for (let i = 0; i < ordered.length; i += Math.max(1, size)) groups.push(ordered.slice(i, i + Math.max(1, size)));
  return groups;
}

/** Runs `work` on each group, at most `concurrency` at once and never two that share a host; answers in order. */
export async function runHostExclusive<T extends Candidate, R>(groups: T[][], concurrency: number, work: (group: T[]) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(groups.length);
  const busy = new Set<string>();
  const hostsOf = groups.map((group) => [...new Set(group.map((item) => item.host ?? ''))]);
  const waiting = groups.map((_, index) => index);
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const next = () => {
      if (waiting.length === 0 && running === 0) return resolve();
      while (running < Math.max(1, concurrency)) {
        const at = waiting.findIndex((index) => hostsOf[index].every((host) => !busy.has(host)));
        if (at < 0) return;
        const [index] = waiting.splice(at, 1);
        for (const host of hostsOf[index]) busy.add(host);
        running++;
        work(groups[index]).then((result) => {
          results[index] = result;
          for (const host of hostsOf[index]) busy.delete(host);
          running--;
          next();
        }, reject);
      }
    };
    next();
  });
  return results;
}
