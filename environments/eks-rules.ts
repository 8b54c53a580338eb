import { INSTANCE_TYPES, instanceTypesOf, maxPodsOf } from "../modules/eks/max-pods";
import { checkNodeImages } from "./eks-image-rules";
import type { ConfigProblem } from "./problems";
import { checkSharedSubnetPlacement, list, type Report } from "./rule-helpers";
import type { EksConfig, EksNodePoolConfig, OrgConfig } from "./schema";

/**
 * EKS rules the config alone can decide: where clusters run, whether they can reach the shared
 * private subnets, and whether every instance type a NodePool allows fits the configured
 * minimum of pods per node (VPC CNI limit, modules/eks/max-pods.ts).
 */
export function eksProblems(org: OrgConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  for (const [envName, env] of Object.entries(org.environments)) {
    if (!env.eks) continue;
    const at = `environments.${envName}.eks`;
    checkSharedSubnetPlacement(envName, env, { at, regions: env.eks.regions, runsIn: "the cluster", runsInShared: "the EKS cluster" }, report);
    checkSystemNodes(at, env.eks, report);
    checkNodeImages(at, env.eks, report);
    if (Object.keys(env.eks.nodePools).length === 0) {
      report(`${at}.nodePools`, `name at least one NodePool, e.g. { general: { instanceFamilies: ["m6i"], instanceSizes: ["large"], cpuLimit: 64, memoryLimitGiB: 256 } }; without one Karpenter launches nothing`);
    }
    for (const [poolName, pool] of Object.entries(env.eks.nodePools)) checkNodePool(`${at}.nodePools.${poolName}`, pool, env.eks.minPodsPerNode, report);
  }
  return problems;
}

function checkSystemNodes(at: string, eks: EksConfig, report: Report): void {
  const { minSize, maxSize, instanceTypes } = eks.systemNodes;
  if (maxSize < minSize) report(`${at}.systemNodes.maxSize`, `maxSize ${maxSize} is below minSize ${minSize}; raise maxSize to at least ${minSize}`);
  instanceTypes.forEach((type, i) => {
    if (!INSTANCE_TYPES[type]) report(`${at}.systemNodes.instanceTypes.${i}`, unknownTypeMessage(type));
  });
  // One managed node group runs one AMI, built for one CPU architecture.
  const architectures = [...new Set(instanceTypes.map((t) => INSTANCE_TYPES[t]?.architecture).filter((a) => a))];
  if (architectures.length > 1) {
    report(`${at}.systemNodes.instanceTypes`, `mixes CPU architectures (${list(instanceTypes.map((t) => `${t}: ${INSTANCE_TYPES[t].architecture}`))}); a node group runs one AMI, so pick types of one architecture`);
  }
}

/** A NodePool may launch every family × size it names: each must be known and fit the minimum of pods. */
function checkNodePool(at: string, pool: EksNodePoolConfig, minPods: number, report: Report): void {
  const types = instanceTypesOf(pool.instanceFamilies, pool.instanceSizes);
  const unknown = types.filter((t) => !INSTANCE_TYPES[t]);
  if (unknown.length) {
    report(
      `${at}.instanceSizes`,
      `${list(unknown)} ${unknown.length === 1 ? "is" : "are"} not in the instance-type table (modules/eks/max-pods.ts), so their pods per node are unknown; ` +
        `every family × size is allowed, so drop the family or size, or add the type to the table with its ENI limits`,
    );
  }
  const tooSmall = types.filter((t) => (maxPodsOf(t) ?? Infinity) < minPods);
  if (tooSmall.length) {
    report(
      `${at}.instanceSizes`,
      `${tooSmall.map((t) => `${t} fits ${maxPodsOf(t)} pods`).join(", ")}, fewer than minPodsPerNode ${minPods} (VPC CNI: ENIs × (IPv4 per ENI − 1) + 2); ` +
        `drop those sizes, or lower minPodsPerNode (check with \`npm run max-pods -- ${tooSmall.join(" ")}\`)`,
    );
  }
  if (pool.quietWindow && pool.maxDisruptedPercent === 0) {
    report(`${at}.quietWindow`, `maxDisruptedPercent is already 0 (no voluntary disruption ever), so a quiet window changes nothing; drop quietWindow or allow some disruption outside it`);
  }
}

function unknownTypeMessage(type: string): string {
  const family = type.split(".")[0];
  const sizes = Object.keys(INSTANCE_TYPES).filter((t) => t.startsWith(`${family}.`));
  return `"${type}" is not in the instance-type table (modules/eks/max-pods.ts)${sizes.length ? `; known ${family} types: ${sizes.join(", ")}` : ""}`;
}
