/** A tick's checks in groups for its dispatchers (src/schedule/groups.ts): each host together, and never two groups of one host at once. */
import { describe, expect, it } from 'vitest';
import { groupsByHost, runHostExclusive } from '../../src/schedule/groups';

const check = (id: string, host: string | null) => ({ id, host });

describe('groups of checks', () => {
  it('keeps each host together, hosts in the order they first appear, at most `size` a group', () => {
    const items = [check('a1', 'a'), check('b1', 'b'), check('a2', 'a'), check('n1', null), check('b2', 'b'), check('a3', 'a')];
    expect(groupsByHost(items, 2).map((g) => g.map((c) => c.id))).toEqual([
      ['a1', 'a2'],
      ['a3', 'b1'],
      ['b2', 'n1'],
    ]);
    expect(groupsByHost(items, 40)).toHaveLength(1);
    expect(groupsByHost([], 40)).toEqual([]);
  });

  it('never runs two groups that share a host at once, and runs the others side by side', async () => {
    const groups = groupsByHost([...Array.from({ length: 5 }, (_, n) => check(`a${n}`, 'a')), check('b', 'b'), check('c', 'c'), check('d', 'd')], 2);
    // [a0 a1] [a2 a3] [a4 b] [c d]: the first three share host a.
    const open = new Map<string, number>();
    let most = 0;
    let together = 0;
    const results = await runHostExclusive(groups, 6, async (group) => {
      const hosts = [...new Set(group.map((c) => c.host ?? ''))];
      for (const host of hosts) open.set(host, (open.get(host) ?? 0) + 1);
      most = Math.max(most, ...hosts.map((host) => open.get(host) ?? 0));
      together = Math.max(together, [...open.values()].filter((n) => n > 0).length);
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (const host of hosts) open.set(host, (open.get(host) ?? 1) - 1);
      return group.length;
    });
    expect(results).toEqual([2, 2, 2, 2]);
    expect(most).toBe(1);
    expect(together).toBeGreaterThan(1);
  });
});
