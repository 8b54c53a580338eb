import { instanceTypeTable, instanceTypesOf, maxPodsOf, type InstanceTypeTable } from "../planning/max-pods";
import { offeredEksVersions, type AwsFacts } from "../planning/aws-facts";
import { checkNodeImages } from "./eks-image-rules";
import type { ConfigProblem } from "./problems";
import { checkSharedSubnetPlacement, list, type Report } from "./rule-helpers";
import type { EksConfig, EksNodePoolConfig, OrgConfig } from "./schema";

/**
 * EKS rules the config alone can decide: where clusters run, whether they can reach the shared
 * private subnets, and whether every instance type a NodePool allows fits the configured
 * minimum of pods per node (VPC CNI limit, planning/max-pods.ts; types from the generated table
 * plus the org file's `eniLimits`).
 */
export function eksProblems(org: OrgConfig, facts: AwsFacts, today: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  const table = instanceTypeTable(org.eniLimits);
  for (const [envName, env] of Object.entries(org.environments)) {
    if (!env.eks) continue;
    const at = `environments.${envName}.eks`;
    checkSharedSubnetPlacement(envName, env, { at, regions: env.eks.regions, runsIn: "the cluster", runsInShared: "the EKS cluster" }, report);
    checkKubernetesVersion(at, env.eks.kubernetesVersion, facts, today, report);
    checkSystemNodes(at, env.eks, table, report);
    checkPublicEndpoint(at, env.eks, report);
    checkNodeImages(at, env.eks, report);
    if (Object.keys(env.eks.nodePools).length === 0) {
      report(
        `${at}.nodePools`,
        `name at least one NodePool, e.g. { general: { instanceFamilies: ["m6i"], instanceSizes: ["large"], cpuLimit: 64, memoryLimitGiB: 256 } }; without one Karpenter launches nothing`,
      );
    }
    for (const [poolName, pool] of Object.entries(env.eks.nodePools)) checkNodePool(`${at}.nodePools.${poolName}`, pool, env.eks.minPodsPerNode, table, report);
  }
  return problems;
}

/** Widest block the public API endpoint may admit: a /24 is an office or a NAT pool, anything wider is the internet in parts. */
export const WIDEST_PUBLIC_ACCESS_PREFIX = 24;

/**
 * The public endpoint admits named networks only. Capping each block at a /24 also refuses any split
 * of 0.0.0.0/0 (two /1s, four /2s...), which a check for the literal "0.0.0.0/0" would let through.
 */
function checkPublicEndpoint(at: string, eks: EksConfig, report: Report): void {
  eks.publicAccessCidrs.forEach((cidr, i) => {
    const prefix = Number(cidr.split("/")[1]);
    if (prefix < WIDEST_PUBLIC_ACCESS_PREFIX) {
      report(
        `${at}.publicAccessCidrs.${i}`,
        `${cidr} admits ${2 ** (32 - prefix)} addresses to the Kubernetes API; list the /${WIDEST_PUBLIC_ACCESS_PREFIX} or narrower blocks your operators come from, or leave publicAccessCidrs empty (private endpoint, reached through the VPC)`,
      );
    }
  });
}

/** EKS creates and keeps clusters of a version until its extended support ends. */
function checkKubernetesVersion(at: string, version: string, facts: AwsFacts, today: string, report: Report): void {
  const offered = offeredEksVersions(facts, today);
  if (offered.includes(version)) return;
  const dates = facts.eksVersions.get(version);
  const choose = `use one EKS offers (${offered.map((v) => `${v}: standard support until ${facts.eksVersions.get(v)!.standardSupportEnd}`).join("; ")})`;
  report(
    `${at}.kubernetesVersion`,
    dates
      ? `EKS ended extended support for Kubernetes ${version} on ${dates.extendedSupportEnd} and no longer runs it; ${choose}`
      : `EKS does not offer Kubernetes ${version} (planning/aws-facts.ts); ${choose}, or if EKS released it since, add it under awsFacts.eksVersions with its support dates`,
  );
}

function checkSystemNodes(at: string, eks: EksConfig, table: InstanceTypeTable, report: Report): void {
  const { minSize, maxSize, instanceTypes } = eks.systemNodes;
  if (maxSize < minSize) report(`${at}.systemNodes.maxSize`, `maxSize ${maxSize} is below minSize ${minSize}; raise maxSize to at least ${minSize}`);
  instanceTypes.forEach((type, i) => {
    if (!known(table, type)) report(`${at}.systemNodes.instanceTypes.${i}`, unknownTypeMessage(type, table));
  });
  // One managed node group runs one AMI, built for one CPU architecture.
  const architectures = [...new Set(instanceTypes.filter((t) => known(table, t)).map((t) => table[t].architecture))];
  if (architectures.length > 1) {
    report(
      `${at}.systemNodes.instanceTypes`,
      `mixes CPU architectures (${list(instanceTypes.filter((t) => known(table, t)).map((t) => `${t}: ${table[t].architecture}`))}); a node group runs one AMI, so pick types of one architecture`,
    );
  }
}

/** A NodePool may launch every family × size it names: each must be known and fit the minimum of pods. */
function checkNodePool(at: string, pool: EksNodePoolConfig, minPods: number, table: InstanceTypeTable, report: Report): void {
  const types = instanceTypesOf(pool.instanceFamilies, pool.instanceSizes);
  const unknown = types.filter((t) => !known(table, t));
  if (unknown.length) {
    report(
      `${at}.instanceSizes`,
      `${list(unknown)} ${unknown.length === 1 ? "is" : "are"} not in the instance-type table (planning/instance-eni-limits.ts) nor under eniLimits, so their pods per node are unknown; ` +
        `every family × size is allowed, so drop the family or size, or declare each type's ENI limits, e.g. ${overrideExample(unknown[0])}`,
    );
  }
  const tooSmall = types.filter((t) => (maxPodsOf(t, table) ?? Infinity) < minPods);
  if (tooSmall.length) {
    report(
      `${at}.instanceSizes`,
      `${tooSmall.map((t) => `${t} fits ${maxPodsOf(t, table)} pods`).join(", ")}, fewer than minPodsPerNode ${minPods} (VPC CNI: ENIs × (IPv4 per ENI − 1) + 2); ` +
        `drop those sizes, or lower minPodsPerNode (check with \`npm run max-pods -- ${tooSmall.join(" ")}\`)`,
    );
  }
  if (pool.quietWindow && pool.maxDisruptedPercent === 0) {
    report(
      `${at}.quietWindow`,
      `maxDisruptedPercent is already 0 (no voluntary disruption ever), so a quiet window changes nothing; drop quietWindow or allow some disruption outside it`,
    );
  }
}

function unknownTypeMessage(type: string, table: InstanceTypeTable): string {
  const family = type.split(".")[0];
  const sizes = Object.keys(table).filter((t) => t.startsWith(`${family}.`));
  return (
    `"${type}" is not in the instance-type table (planning/instance-eni-limits.ts) nor under eniLimits${sizes.length ? `; known ${family} types: ${sizes.join(", ")}` : ""}; ` +
    `pick a known type, or for a type newer than the table declare its ENI limits (aws ec2 describe-instance-types --instance-types ${type}), e.g. ${overrideExample(type)}`
  );
}

function overrideExample(type: string): string {
  return `eniLimits: { "${type}": { enis: 3, ipv4PerEni: 10 } }`;
}

/** A type the table lists (own entries only: "constructor" is no instance type). */
function known(table: InstanceTypeTable, type: string): boolean {
  return Object.hasOwn(table, type);
}
