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

/** The ENI limits most Nitro families share, by size. */
const NITRO: Readonly<Record<string, EniLimits>> = {
  medium: { enis: 2, ipv4PerEni: 4 },
  large: { enis: 3, ipv4PerEni: 10 },
  xlarge: { enis: 4, ipv4PerEni: 15 },
  "2xlarge": { enis: 4, ipv4PerEni: 15 },
  "4xlarge": { enis: 8, ipv4PerEni: 30 },
  "8xlarge": { enis: 8, ipv4PerEni: 30 },
  "9xlarge": { enis: 8, ipv4PerEni: 30 },
  "12xlarge": { enis: 8, ipv4PerEni: 30 },
  "16xlarge": { enis: 15, ipv4PerEni: 50 },
  "18xlarge": { enis: 15, ipv4PerEni: 50 },
  "24xlarge": { enis: 15, ipv4PerEni: 50 },
};

/** Burstable t3/t3a/t4g sizes differ from the Nitro profile below xlarge. */
const BURSTABLE: Readonly<Record<string, EniLimits>> = {
  micro: { enis: 2, ipv4PerEni: 2 },
  small: { enis: 3, ipv4PerEni: 4 },
  medium: { enis: 3, ipv4PerEni: 6 },
  large: { enis: 3, ipv4PerEni: 12 },
  xlarge: { enis: 4, ipv4PerEni: 15 },
  "2xlarge": { enis: 4, ipv4PerEni: 15 },
};

/** Which sizes each family offers; limits from AWS's eni-max-pods table (amazon-vpc-cni-k8s). */
const FAMILIES: readonly { families: readonly string[]; architecture: CpuArchitecture; profile: Readonly<Record<string, EniLimits>>; sizes: readonly string[] }[] = [
  { families: ["t3", "t3a"], architecture: "amd64", profile: BURSTABLE, sizes: ["micro", "small", "medium", "large", "xlarge", "2xlarge"] },
  { families: ["t4g"], architecture: "arm64", profile: BURSTABLE, sizes: ["micro", "small", "medium", "large", "xlarge", "2xlarge"] },
  { families: ["m5", "r5"], architecture: "amd64", profile: NITRO, sizes: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"] },
  { families: ["c5"], architecture: "amd64", profile: NITRO, sizes: ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"] },
  { families: ["m6i", "c6i", "r6i", "m6a", "c6a", "r6a", "m7i", "c7i", "r7i"], architecture: "amd64", profile: NITRO, sizes: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"] },
  { families: ["m6g", "c6g", "r6g", "m7g", "c7g", "r7g"], architecture: "arm64", profile: NITRO, sizes: ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"] },
];

/** ENI limits and CPU architecture of every instance type the product knows, by name ("m5.large"). */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeLimits>> = Object.fromEntries(
  FAMILIES.flatMap(({ families, architecture, profile, sizes }) =>
    families.flatMap((family) => sizes.map((size) => [`${family}.${size}`, { ...profile[size], architecture }] as const)),
  ),
);

/** Max pods of a known instance type, or undefined when the table does not list it. */
export function maxPodsOf(instanceType: string): number | undefined {
  const limits = INSTANCE_TYPES[instanceType];
  return limits && maxPodsFor(limits);
}

/** The instance types a family × size selection allows, e.g. (["m6i"], ["large"]) → ["m6i.large"]. */
export function instanceTypesOf(families: readonly string[], sizes: readonly string[]): string[] {
  return families.flatMap((family) => sizes.map((size) => `${family}.${size}`));
}
