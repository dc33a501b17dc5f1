import { isIPv4, isIPv6 } from 'node:net'

/**
 * The key a client address is limited by: an IPv4 address as it is (an IPv4-mapped IPv6
 * address `::ffff:a.b.c.d` as `a.b.c.d`), any other IPv6 address as its /64 prefix [1].
 * Anything else (no address, a proxy's odd header) is its own key.
 */
export function addressKey(address: string): string {
  const bare = address.split('%')[0]!.toLowerCase() // a zone id (`fe80::1%eth0`) is local
  if (!isIPv6(bare)) return address
  const groups = expandIPv6(bare)
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address (`::` and a dotted IPv4 tail expanded). */
function expandIPv6(address: string): number[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined]
  const parse = (part: string | undefined): number[] => {
    if (!part) return []
    return part.split(':').flatMap((group) => {
      if (!isIPv4(group)) return [parseInt(group, 16)]
      const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number]
      return [(a << 8) | b, (c << 8) | d]
    })
  }
  const first = parse(head)
  const last = parse(tail)
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last]
}

// [1] One IPv6 subscriber gets a /64 at least (often a /56 or /48), and may use any address
//     in it: keyed by the full address, a client rotating through its /64 got a fresh burst
//     of connections and boards each time and pushed real addresses out of the bucket map.
//     A /64 is what one home or one phone has, so limits by /64 are limits per subscriber,
//     as an IPv4 address behind a home router is. Dual-stack servers see IPv4 clients as
//     `::ffff:a.b.c.d`: the same client must have one key whichever way it came.
