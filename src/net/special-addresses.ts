/**
 * Which hosts are not "somewhere on the public internet", for the URL policy. Pure: no Workers APIs.
 *
 * - IPv4: every block of the IANA IPv4 Special-Purpose Address Registry is refused, the few that
 *   IANA marks globally reachable included (PCP and TURN anycast, AS112, AMT: infrastructure
 *   services, never a news site), plus multicast (224.0.0.0/4, from the multicast registry).
 * - IPv6: only global unicast (2000::/3) is allowed, minus its special-purpose blocks (2001::/23
 *   with Teredo, 2001:db8::/32, 6to4 2002::/16, 2620:4f:8000::/48, 3fff::/20). Everything
 *   outside 2000::/3 is refused without a case of its own: loopback, unspecified, IPv4-mapped,
 *   -compatible and -translated forms, NAT64 prefixes, discard (100::/64), SRv6 (5f00::/16),
 *   unique-local, site-local (fec0::/10), link-local and multicast. An allow-list, so a block the
 *   registry adds later is refused until someone decides otherwise.
 * - Names: single-label hosts (`intranet`, `metadata`) and names under TLDs that only exist
 *   inside a network (`localhost`, `local`, `internal`, `home.arpa`, `lan`...).
 *
 * A public name whose DNS answer is a private address is not caught here: Workers do not expose
 * DNS. On Cloudflare's network a Worker's fetch cannot reach your private network anyway; under
 * `wrangler dev` it can (docs/net.md).
 */

/** [first address, prefix length, name (RFC)]: the IANA IPv4 special-purpose registry, and multicast. */
export const SPECIAL_IPV4: readonly (readonly [string, number, string])[] = [
  ['0.0.0.0', 8, '"this network" (RFC 791)'],
  ['10.0.0.0', 8, 'private use (RFC 1918)'],
  ['100.64.0.0', 10, 'shared address space, carrier-grade NAT (RFC 6598)'],
  ['127.0.0.0', 8, 'loopback (RFC 1122)'],
  ['169.254.0.0', 16, 'link local, cloud metadata (RFC 3927)'],
  ['172.16.0.0', 12, 'private use (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF protocol assignments (RFC 6890), PCP and TURN anycast among them'],
  ['192.0.2.0', 24, 'documentation TEST-NET-1 (RFC 5737)'],
  ['192.31.196.0', 24, 'AS112-v4 (RFC 7535)'],
  ['192.52.193.0', 24, 'AMT (RFC 7450)'],
  ['192.88.99.0', 24, 'deprecated 6to4 relay anycast (RFC 7526)'],
  ['192.168.0.0', 16, 'private use (RFC 1918)'],
  ['192.175.48.0', 24, 'direct delegation AS112 service (RFC 7534)'],
  ['198.18.0.0', 15, 'benchmarking (RFC 2544)'],
  ['198.51.100.0', 24, 'documentation TEST-NET-2 (RFC 5737)'],
  ['203.0.113.0', 24, 'documentation TEST-NET-3 (RFC 5737)'],
  ['224.0.0.0', 4, 'multicast (RFC 5771)'],
  ['240.0.0.0', 4, 'reserved (RFC 1112), limited broadcast 255.255.255.255 (RFC 919)'],
];

/** [prefix, length]: special-purpose blocks inside global unicast 2000::/3. */
const SPECIAL_IN_GLOBAL_UNICAST: readonly (readonly [string, number])[] = [
  ['2001::', 23], // IETF protocol assignments (RFC 2928): Teredo 2001::/32, anycast, benchmarking, AMT, AS112, ORCHID, DETs
  ['2001:db8::', 32], // documentation (RFC 3849)
  ['2002::', 16], // 6to4 (RFC 3056): embeds an IPv4 address, private ones included
  ['2620:4f:8000::', 48], // direct delegation AS112 service (RFC 7534)
  ['3fff::', 20], // documentation (RFC 9637)
];

/** TLDs that only mean something inside a network (RFC 6761, 6762, 8375, and common practice). */
const LOCAL_TLDS = new Set(['localhost', 'local', 'internal', 'lan', 'home', 'corp', 'intranet', 'localdomain', 'private']);

/** Why a URL host (as `URL.hostname` gives it) is not public, or null when it is. */
export function specialHostReason(hostname: string): string | null {
  const host = hostname.toLowerCase();
  if (host.startsWith('[')) return specialIPv6Reason(host.slice(1, -1));
  const v4 = parseIPv4(host.replace(/\.$/, ''));
  if (v4 !== null) return specialIPv4Reason(v4);
  const name = host.replace(/\.+$/, ''); // "localhost.." is localhost
  const labels = name.split('.');
  if (labels.length < 2) return 'a single-label host name only resolves inside a network';
  if (labels.some((label) => label === '')) return 'an empty label in the host name';
  const tld = labels[labels.length - 1];
  if (LOCAL_TLDS.has(tld) || name.endsWith('.home.arpa')) return `.${tld} names only resolve inside a network`;
  return null;
}

export function isPrivateHost(hostname: string): boolean {
  return specialHostReason(hostname) !== null;
}

/** Dotted-quad IPv4 to a 32-bit number; null for anything else (the URL parser has normalised other forms). */
export function parseIPv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function must<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`special-addresses: ${what} does not parse`);
  return value;
}

const IPV4_BLOCKS = SPECIAL_IPV4.map(([first, length, name]) => ({ first: must(parseIPv4(first), first), size: 2 ** (32 - length), name }));

function specialIPv4Reason(address: number): string | null {
  const block = IPV4_BLOCKS.find((b) => address >= b.first && address < b.first + b.size);
  return block ? `${block.name} address` : null;
}

const IPV6_BLOCKS = SPECIAL_IN_GLOBAL_UNICAST.map(([prefix, length]) => ({ groups: must(expandIPv6(prefix), prefix), length, text: `${prefix}/${length}` }));

function inPrefix(groups: number[], prefix: number[], length: number): boolean {
  for (let bit = 0; bit < length; bit += 16) {
    const bits = Math.min(16, length - bit);
    const mask = (0xffff << (16 - bits)) & 0xffff;
    if ((groups[bit / 16] & mask) !== (prefix[bit / 16] & mask)) return false;
  }
  return true;
}

function specialIPv6Reason(address: string): string | null {
  const groups = expandIPv6(address);
  if (!groups) return 'an unreadable IPv6 address';
  if ((groups[0] & 0xe000) !== 0x2000) return 'an IPv6 address outside global unicast 2000::/3 (loopback, local, mapped, NAT64, multicast...)';
  const block = IPV6_BLOCKS.find((b) => inPrefix(groups, b.groups, b.length));
  return block ? `a special-purpose IPv6 address (${block.text})` : null;
}

/** Eight 16-bit groups, or null. Accepts a trailing dotted IPv4 and a zone id (dropped). */
export function expandIPv6(address: string): number[] | null {
  let text = address.split('%')[0];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]);
    if (v4 === null) return null;
    text = `${text.slice(0, -dotted[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s ? s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : Number.NaN)) : []);
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...right];
  return groups.some(Number.isNaN) ? null : groups;
}
