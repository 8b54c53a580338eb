import { IPv4CidrRange, IPv6CidrRange } from "ip-num";

/** An inclusive range of addresses. */
type Span = readonly [bigint, bigint];

/**
 * IPv4 blocks that are not reachable from the internet (RFC 6890 special-purpose registry):
 * private, shared, loopback, link-local, documentation, benchmarking, multicast, reserved.
 */
const NON_PUBLIC_V4 = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
];
/** The IPv6 internet: global unicast. */
const PUBLIC_V6 = "2000::/3";

/** The address span of a literal CIDR, or undefined for a token or anything that does not parse. */
export function spanOf(cidr: string): { family: 4 | 6; span: Span; prefix: number } | undefined {
  const [address, prefix] = cidr.trim().split("/");
  if (address === undefined || prefix === undefined || !/^\d+$/.test(prefix)) return undefined;
  try {
    const range = address.includes(":") ? IPv6CidrRange.fromCidr(cidr.trim()) : IPv4CidrRange.fromCidr(cidr.trim());
    return { family: address.includes(":") ? 6 : 4, span: [range.getFirst().getValue(), range.getLast().getValue()], prefix: Number(prefix) };
  } catch {
    return undefined;
  }
}

const v4 = (cidr: string): Span => spanOf(cidr)!.span;
const ALL_V4: Span = [0n, 2n ** 32n - 1n];
const PUBLIC_V4_SPANS = subtract([ALL_V4], NON_PUBLIC_V4.map(v4));
const PUBLIC_V6_SPANS = [spanOf(PUBLIC_V6)!.span];

/**
 * The address families whose whole public space the blocks admit together, however they are
 * split: ["0.0.0.0/1", "128.0.0.0/1"] is the internet as much as "0.0.0.0/0" is. Tokens are skipped.
 */
export function publicSpaceCoveredBy(cidrs: readonly string[]): ("IPv4" | "IPv6")[] {
  const parsed = cidrs.map(spanOf).filter((p) => p !== undefined);
  const covered: ("IPv4" | "IPv6")[] = [];
  const v4Blocks = parsed.filter((p) => p.family === 4).map((p) => p.span);
  const v6Blocks = parsed.filter((p) => p.family === 6).map((p) => p.span);
  if (v4Blocks.length && subtract(PUBLIC_V4_SPANS, v4Blocks).length === 0) covered.push("IPv4");
  if (v6Blocks.length && subtract(PUBLIC_V6_SPANS, v6Blocks).length === 0) covered.push("IPv6");
  return covered;
}

/** `from` with every span of `remove` cut out. */
function subtract(from: readonly Span[], remove: readonly Span[]): Span[] {
  let remaining = [...from];
  for (const [rs, re] of remove) {
    remaining = remaining.flatMap(([s, e]): Span[] => {
      if (re < s || rs > e) return [[s, e]];
      const parts: Span[] = [];
      if (rs > s) parts.push([s, rs - 1n]);
      if (re < e) parts.push([re + 1n, e]);
      return parts;
    });
  }
  return remaining;
}
