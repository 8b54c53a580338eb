import type { EnvironmentConfig } from "./schema";

/** How a rule records a problem: the dotted field path and what is wrong and what would be valid. */
export type Report = (path: string, message: string) => void;

/**
 * True when `key` is the object's own field. Names come from the org file, and "constructor" or
 * "toString" are fields of every object through its prototype, so `key in object` would find them.
 */
export function has(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** `"a", "b"` for messages; "none" for an empty list. */
export function list(items: readonly string[]): string {
  return items.length ? items.map((i) => `"${i}"`).join(", ") : "none";
}

/** What runs in an environment's shared private subnets, as the placement messages name it. */
export interface SharedSubnetWorkload {
  /** Config path of the workload's `regions`, e.g. "environments.dev.eks". */
  readonly at: string;
  readonly regions: readonly string[];
  /** Subject of "... runs in the environment's shared private subnets", e.g. "the cluster". */
  readonly runsIn: string;
  /** Subject of "... runs in the shared private subnets, but ... sharedTiers", e.g. "the EKS cluster". */
  readonly runsInShared: string;
}

/**
 * Batch and EKS both run in the environment's shared private subnets: every region they name
 * needs a VPC there (once), and the environment must share its private tier.
 */
export function checkSharedSubnetPlacement(envName: string, env: EnvironmentConfig, workload: SharedSubnetWorkload, report: Report): void {
  const { at, regions } = workload;
  regions.forEach((region, i) => {
    if (!has(env.regions, region)) {
      report(
        `${at}.regions.${i}`,
        `region "${region}" has no VPC in environment "${envName}" (it has ${list(Object.keys(env.regions))}); ${workload.runsIn} runs in the environment's shared private subnets, so add the region under environments.${envName}.regions or drop it here`,
      );
    }
    if (regions.indexOf(region) !== i) report(`${at}.regions.${i}`, `region "${region}" is listed twice`);
  });
  if (!env.sharedTiers.includes("private")) {
    report(
      `${at}.regions`,
      `${workload.runsInShared} runs in the shared private subnets, but environments.${envName}.sharedTiers (${list(env.sharedTiers)}) does not share "private" with the workload accounts; add it`,
    );
  }
}
