import { ENI_LIMIT_GROUPS } from "./instance-eni-limits";

/**
 * Pods per node under the Amazon VPC CNI without prefix delegation: every pod takes a secondary
 * IPv4 address of one of the node's ENIs, each ENI keeps its primary address for itself, and two
 * host-network pods (aws-node, kube-proxy) need none:
 *
 *     max pods = ENIs × (IPv4 addresses per ENI − 1) + 2
 *
 * t3.medium 3 × (6 − 1) + 2 = 17; t3.large 3 × (12 − 1) + 2 = 35; m5.large 3 × (10 − 1) + 2 = 29.
 * ("ENIs × IPs − 1" is a different formula that happens to match t3.medium only.)
 */
export function maxPodsFor(limits: EniLimits): number {
  return limits.enis * (limits.ipv4PerEni - 1) + 2;
}

/** Network limits of one instance type (EC2 DescribeInstanceTypes: MaximumNetworkInterfaces, Ipv4AddressesPerInterface). */
export interface EniLimits {
  readonly enis: number;
  readonly ipv4PerEni: number;
}

export type CpuArchitecture = "amd64" | "arm64";

export interface InstanceTypeLimits extends EniLimits {
  readonly architecture: CpuArchitecture;
}

/** Instance type name ("m5.large") → its limits and architecture. */
export type InstanceTypeTable = Readonly<Record<string, InstanceTypeLimits>>;

/**
 * ENI limits and CPU architecture of every current instance type, by name ("m5.large"), from the
 * generated table (instance-eni-limits.ts, `npm run eni-limits`).
 */
export const INSTANCE_TYPES: InstanceTypeTable = Object.fromEntries(
  Object.entries(ENI_LIMIT_GROUPS).flatMap(([key, types]) => {
    const [architecture, enis, ipv4PerEni] = key.split(" ");
    const limits: InstanceTypeLimits = { architecture: architecture as CpuArchitecture, enis: Number(enis), ipv4PerEni: Number(ipv4PerEni) };
    return types.split(" ").map((type) => [type, limits] as const);
  }),
);

/** ENI limits the org file declares for a type newer than the table (`eniLimits`). */
export interface EniLimitsOverride extends EniLimits {
  /** @default "amd64" */
  readonly architecture?: CpuArchitecture;
}

/** The generated table with the org file's own entries on top (a declared type wins). */
export function instanceTypeTable(overrides: Readonly<Record<string, EniLimitsOverride>> = {}): InstanceTypeTable {
  const declared = Object.entries(overrides).map(
    ([type, o]) => [type, { enis: o.enis, ipv4PerEni: o.ipv4PerEni, architecture: o.architecture ?? "amd64" }] as const,
  );
  return declared.length ? { ...INSTANCE_TYPES, ...Object.fromEntries(declared) } : INSTANCE_TYPES;
}

/** Max pods of a known instance type, or undefined when the table does not list it. */
export function maxPodsOf(instanceType: string, table: InstanceTypeTable = INSTANCE_TYPES): number | undefined {
  const limits = Object.hasOwn(table, instanceType) ? table[instanceType] : undefined;
  return limits && maxPodsFor(limits);
}

/** The instance types a family × size selection allows, e.g. (["m6i"], ["large"]) → ["m6i.large"]. */
export function instanceTypesOf(families: readonly string[], sizes: readonly string[]): string[] {
  return families.flatMap((family) => sizes.map((size) => `${family}.${size}`));
}
