import { IPv4, IPv4CidrRange, IPv4Prefix } from "ip-num";
import { SUBNET_TIERS, type SubnetTier } from "./names";

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

/** The subnets of one VPC as the org file lays them out. */
export type SubnetLayout = Readonly<Record<SubnetTier, TierLayout>>;

export type SubnetPlan = Record<SubnetTier, Record<string, string>>;

/**
 * Every tier reserves this many blocks, one per AZ ID number ("use1-az4" → the 4th). Regions
 * number their AZ IDs from az1 to at most az6 today, so 8 leaves room without halving a /16.
 */
export const AZ_SLOTS_PER_TIER = 8;

/** /64 numbers inside a dual-stack VPC's /56 per tier: the first half for packed AZ IDs, the second for slots. */
export const IPV6_NETNUMS_PER_TIER = 16;

/** A layout the address plan cannot honour; `field` is relative to the VPC's `subnets`. */
export class AddressPlanError extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Raised when the VPC CIDR has no room left for a subnet. */
export class AddressSpaceExhausted extends AddressPlanError {
  constructor(
    public readonly tier: SubnetTier,
    public readonly azId: string,
    public readonly prefixLength: number,
  ) {
    super(`${tier}.prefixLength`, `no free /${prefixLength} left for the ${tier} subnet in ${azId}`);
  }
}

/** The slot an AZ ID's subnets take in every tier: "use1-az4" → 3. */
export function azSlotOf(azId: string): number | undefined {
  const number = Number(/-az(\d+)$/.exec(azId)?.[1]);
  return number >= 1 && number <= AZ_SLOTS_PER_TIER ? number - 1 : undefined;
}

/**
 * Subnet CIDRs of a VPC, stable under change: adding an AZ ID, a tier (new tiers join the end of
 * `SUBNET_TIERS`) or an environment never moves an existing subnet.
 *
 * - Each tier owns an area of `AZ_SLOTS_PER_TIER` blocks of its size, placed in tier order at the
 *   lowest free aligned spot; an AZ ID's subnet is the block numbered after the AZ ID, so its
 *   address depends on nothing but the tier sizes, the VPC CIDR and the AZ ID itself.
 * - Pinned CIDRs (`cidrs`) win; a slot that would overlap one is refused, never shifted.
 * - `packedAzIds` (AZ IDs of the VPC before this plan existed) keeps the subnets of an older release's packing (largest blocks first, then
 *   tier, then AZ ID) where they are; the tier areas go around them.
 */
export function carveSubnets(vpcCidr: string, azIds: readonly string[], layout: SubnetLayout, packedAzIds: readonly string[] = []): SubnetPlan {
  return carveTiers(vpcCidr, azIds, SUBNET_TIERS, layout, packedAzIds);
}

/** `carveSubnets` over any tier list, in allocation order (a new tier joins at the end). */
export function carveTiers<T extends string>(
  vpcCidr: string,
  azIds: readonly string[],
  tiers: readonly T[],
  layout: Readonly<Record<T, TierLayout>>,
  packedAzIds: readonly string[] = [],
): Record<T, Record<string, string>> {
  const packed = packedAzIds.length ? packTiers(vpcCidr, packedAzIds, tiers, layout) : undefined;
  const pinned = tiers.flatMap((tier) => Object.entries(layout[tier].cidrs ?? {}).map(([azId, cidr]) => ({ tier, azId, cidr })));
  const areas = tierAreas(vpcCidr, tiers, layout, packed);
  const plan = Object.fromEntries(tiers.map((t) => [t, {}])) as Record<string, Record<string, string>>;
  for (const tier of tiers) {
    const { prefixLength, cidrs = {} } = layout[tier];
    for (const azId of azIds) {
      const cidr = cidrs[azId] ?? packed?.[tier][azId] ?? slotCidr(tier, azId, prefixLength, areas[tier]);
      if (!cidrs[azId]) {
        const clash = pinned.find((p) => cidrsOverlap(p.cidr, cidr));
        if (clash) {
          throw new AddressPlanError(
            `${tier}.cidrs`,
            `the ${tier} subnet of ${azId} takes ${cidr}, which overlaps ${clash.cidr} pinned for ${clash.tier} in ${clash.azId}; pin ${tier} in ${azId} to a free /${prefixLength} too, or move the pin`,
          );
        }
      }
      plan[tier][azId] = cidr;
    }
  }
  return plan;
}

/**
 * The /64 number of each subnet inside a dual-stack VPC's /56: `tier index × 16`, plus the AZ
 * ID's place in `packedAzIds` for packed subnets (what earlier releases used), or 8 plus its
 * slot for the others (just its slot when nothing is packed).
 */
export function ipv6Netnums(azIds: readonly string[], packedAzIds: readonly string[] = []): Record<SubnetTier, Record<string, number>> {
  const half = IPV6_NETNUMS_PER_TIER / 2;
  if (packedAzIds.length > half)
    throw new AddressPlanError("packedAzIds", `${packedAzIds.length} packed AZ IDs leave no IPv6 /64 numbers for the slots; at most ${half} fit`);
  const within = (azId: string): number => {
    const packedAt = packedAzIds.indexOf(azId);
    if (packedAt >= 0) return packedAt;
    const slot = azSlotOf(azId);
    if (slot === undefined || slot >= half) throw new AddressPlanError("packedAzIds", `${azId} has no IPv6 /64 slot (az1 to az${half} only)`);
    return (packedAzIds.length ? half : 0) + slot;
  };
  return Object.fromEntries(
    SUBNET_TIERS.map((tier, t) => [tier, Object.fromEntries(azIds.map((azId) => [azId, t * IPV6_NETNUMS_PER_TIER + within(azId)]))]),
  ) as Record<SubnetTier, Record<string, number>>;
}

function slotCidr(tier: string, azId: string, prefixLength: number, area: Span | undefined): string {
  const slot = azSlotOf(azId);
  if (slot === undefined) {
    throw new AddressPlanError(
      `${tier}.cidrs`,
      `${azId} has no address slot (AZ ID numbers az1 to az${AZ_SLOTS_PER_TIER} have one); pin its ${tier} subnet under cidrs`,
    );
  }
  if (!area) throw new AddressSpaceExhausted(tier as SubnetTier, azId, prefixLength);
  return toCidr(area[0] + BigInt(slot) * blockSize(prefixLength), prefixLength);
}

/** Each tier's area, in tier order; undefined where the VPC has no room for it. */
function tierAreas<T extends string>(
  vpcCidr: string,
  tiers: readonly T[],
  layout: Readonly<Record<T, TierLayout>>,
  packed: Record<T, Record<string, string>> | undefined,
): Partial<Record<T, Span>> {
  const vpc = cidrRange(vpcCidr);
  const vpcPrefix = Number(vpc.getPrefix().getValue());
  const taken: Span[] = packed ? tiers.flatMap((t) => Object.values(packed[t]).map((c) => spanOf(cidrRange(c)))) : [];
  const areas: Partial<Record<T, Span>> = {};
  for (const tier of tiers) {
    const areaPrefix = layout[tier].prefixLength - Math.log2(AZ_SLOTS_PER_TIER);
    const area = areaPrefix < vpcPrefix ? undefined : lowestFreeBlock(spanOf(vpc), areaPrefix, taken);
    if (!area) continue;
    areas[tier] = area;
    taken.push(area);
  }
  return areas;
}

/**
 * The packing of earlier releases, kept so their subnets never move: pinned CIDRs first, then
 * largest blocks first, then tier order, then AZ ID order, each taking the lowest free block.
 * Only pins of packed AZ IDs count, as they did when the packing was made.
 */
export function packedSubnets(vpcCidr: string, azIds: readonly string[], layout: SubnetLayout): SubnetPlan {
  return packTiers(vpcCidr, azIds, SUBNET_TIERS, layout) as SubnetPlan;
}

function packTiers<T extends string>(
  vpcCidr: string,
  azIds: readonly string[],
  tiers: readonly T[],
  layout: Readonly<Record<T, TierLayout>>,
): Record<T, Record<string, string>> {
  const plan = Object.fromEntries(tiers.map((t) => [t, {}])) as Record<string, Record<string, string>>;
  const taken: Span[] = [];
  for (const tier of tiers) {
    for (const [azId, cidr] of Object.entries(layout[tier].cidrs ?? {})) {
      if (!azIds.includes(azId)) continue;
      plan[tier][azId] = cidr;
      taken.push(spanOf(cidrRange(cidr)));
    }
  }
  const vpc = cidrRange(vpcCidr);
  const vpcPrefix = Number(vpc.getPrefix().getValue());
  const bySize = [...tiers].sort((a, b) => layout[a].prefixLength - layout[b].prefixLength);
  for (const tier of bySize) {
    const { prefixLength } = layout[tier];
    for (const azId of azIds) {
      if (plan[tier][azId]) continue;
      const free = prefixLength < vpcPrefix ? undefined : lowestFreeBlock(spanOf(vpc), prefixLength, taken);
      if (!free) throw new AddressSpaceExhausted(tier as string as SubnetTier, azId, prefixLength);
      plan[tier][azId] = toCidr(free[0], prefixLength);
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

function blockSize(prefixLength: number): bigint {
  return 2n ** BigInt(32 - prefixLength);
}

function toCidr(first: bigint, prefixLength: number): string {
  return new IPv4CidrRange(new IPv4(first), IPv4Prefix.fromNumber(BigInt(prefixLength))).toCidrString();
}

/** The lowest aligned /prefixLength block of `vpc` that overlaps nothing in `taken`. */
function lowestFreeBlock([first, last]: Span, prefixLength: number, taken: readonly Span[]): Span | undefined {
  const size = blockSize(prefixLength);
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
