import { IPv4, IPv4CidrRange, IPv4Prefix } from "ip-num";
import { SUBNET_TIERS, type SubnetTier } from "./schema";

export function cidrRange(cidr: string): IPv4CidrRange {
  return IPv4CidrRange.fromCidr(cidr);
}

export function cidrsOverlap(a: string, b: string): boolean {
  return cidrRange(a).isOverlapping(cidrRange(b));
}

/** True when `inner` lies wholly within `outer`. */
export function cidrInside(inner: string, outer: string): boolean {
  return cidrRange(inner).inside(cidrRange(outer));
}

/** Size and pinned CIDRs of one tier, as the org file gives them. */
export interface TierLayout {
  readonly prefixLength: number;
  readonly cidrs?: Readonly<Record<string, string>>;
}

export type SubnetPlan = Record<SubnetTier, Record<string, string>>;

/** Raised when the VPC CIDR has no room left for a subnet. */
export class AddressSpaceExhausted extends Error {
  constructor(
    public readonly tier: SubnetTier,
    public readonly azId: string,
    public readonly prefixLength: number,
  ) {
    super(`no free /${prefixLength} left for the ${tier} subnet in ${azId}`);
  }
}

/**
 * Carves one subnet per tier per AZ ID out of a VPC CIDR.
 *
 * Pinned CIDRs are reserved first; the rest are allocated largest blocks first (so every block
 * stays aligned), then in tier order, then in AZ ID order, each taking the lowest free block.
 * The result depends only on the inputs, so re-synthesizing never moves a subnet.
 */
export function carveSubnets(
  vpcCidr: string,
  azIds: readonly string[],
  layout: Readonly<Record<SubnetTier, TierLayout>>,
): SubnetPlan {
  const plan = Object.fromEntries(SUBNET_TIERS.map((t) => [t, {}])) as SubnetPlan;
  const taken: Span[] = [];
  for (const tier of SUBNET_TIERS) {
    for (const [azId, cidr] of Object.entries(layout[tier].cidrs ?? {})) {
      plan[tier][azId] = cidr;
      taken.push(spanOf(cidrRange(cidr)));
    }
  }
  const vpc = cidrRange(vpcCidr);
  const vpcSpan = spanOf(vpc);
  const vpcPrefix = Number(vpc.getPrefix().getValue());
  const bySize = [...SUBNET_TIERS].sort((a, b) => layout[a].prefixLength - layout[b].prefixLength);
  for (const tier of bySize) {
    const { prefixLength } = layout[tier];
    for (const azId of azIds) {
      if (plan[tier][azId]) continue;
      const free = prefixLength < vpcPrefix ? undefined : lowestFreeBlock(vpcSpan, prefixLength, taken);
      if (!free) throw new AddressSpaceExhausted(tier, azId, prefixLength);
      plan[tier][azId] = new IPv4CidrRange(new IPv4(free[0]), IPv4Prefix.fromNumber(BigInt(prefixLength))).toCidrString();
      taken.push(free);
    }
  }
  return plan;
}

/** First and last address of a block, as numbers: the carving loop compares nothing else. */
type Span = readonly [bigint, bigint];

function spanOf(range: IPv4CidrRange): Span {
  return [range.getFirst().getValue(), range.getLast().getValue()];
}

/** The lowest aligned /prefixLength block of `vpc` that overlaps nothing in `taken`. */
function lowestFreeBlock([first, last]: Span, prefixLength: number, taken: readonly Span[]): Span | undefined {
  const size = 2n ** BigInt(32 - prefixLength);
  let start = first;
  while (start + size - 1n <= last) {
    const end = start + size - 1n;
    const clash = taken.find(([a, b]) => a <= end && start <= b);
    if (!clash) return [start, end];
    // Jump to the first aligned block after the one in the way instead of probing every block inside it.
    start = first + ((clash[1] + 1n - first + size - 1n) / size) * size;
  }
  return undefined;
}
