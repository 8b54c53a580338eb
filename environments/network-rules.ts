import { cidrsOverlap } from "../planning/address-plan";
import type { ConfigProblem } from "./problems";
import type { Report } from "./rule-helpers";
import type { OrgConfig } from "./schema";

/** Served by the gateway endpoints every private route table already has. */
const GATEWAY_ENDPOINT_SERVICES = ["s3", "dynamodb"];

/**
 * Network rules that span fields: endpoint and share settings, and the address constraints the
 * Transit Gateway peering imposes.
 */
export function networkProblems(org: OrgConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  for (const [envName, env] of Object.entries(org.environments)) {
    const at = `environments.${envName}`;
    checkEndpoints(at, env.interfaceEndpoints, report);
    duplicatesIn(env.sharedTiers).forEach((i) => report(`${at}.sharedTiers.${i}`, `tier "${env.sharedTiers[i]}" is listed twice`));
    if (env.shareWith === "ou") checkOuShare(org, envName, report);
  }
  checkRegionalOverlaps(org, report);
  return problems;
}

function checkEndpoints(at: string, services: readonly string[], report: Report): void {
  services.forEach((service, i) => {
    if (GATEWAY_ENDPOINT_SERVICES.includes(service)) {
      report(
        `${at}.interfaceEndpoints.${i}`,
        `"${service}" is already reached through the gateway endpoint on every private route table; remove it from interfaceEndpoints`,
      );
    }
  });
  duplicatesIn(services).forEach((i) => report(`${at}.interfaceEndpoints.${i}`, `"${services[i]}" is listed twice`));
}

/**
 * Sharing with an OU reaches every account in it, so the OU must hold only this environment's
 * workload accounts; and OU ARNs are written under the management account's id.
 */
function checkOuShare(org: OrgConfig, envName: string, report: Report): void {
  const env = org.environments[envName];
  const at = `environments.${envName}.shareWith`;
  if (!org.accounts.some((a) => a.role === "management")) {
    report(at, `"ou" needs an account with role "management" (OU ARNs carry its id); add it to accounts or use shareWith "accounts"`);
  }
  const ous = new Set(org.accounts.filter((a) => env.workloadAccounts.includes(a.name)).map((a) => a.ou));
  for (const ou of ous) {
    const outsiders = org.accounts.filter((a) => a.ou === ou && !env.workloadAccounts.includes(a.name)).map((a) => a.name);
    if (outsiders.length) {
      report(
        at,
        `sharing with OU "${ou}" would also give ${outsiders.map((n) => `"${n}"`).join(", ")} the environment's subnets; use shareWith "accounts", or move those accounts out of the OU`,
      );
    }
  }
}

/**
 * Traffic arriving over a peering enters a Transit Gateway through one route table (one peering
 * attachment per gateway pair, one association per attachment) that reaches every VPC of the
 * region, whatever its routing domain: so with peering, VPCs of one region must be disjoint.
 */
function checkRegionalOverlaps(org: OrgConfig, report: Report): void {
  if (Object.keys(org.regions).length < 2) return;
  const vpcs = Object.entries(org.environments).flatMap(([envName, env]) =>
    Object.entries(env.regions).map(([region, vpc]) => ({ envName, region, domain: env.routingDomain, cidr: vpc.vpcCidr })),
  );
  vpcs.forEach((a, i) =>
    vpcs.slice(i + 1).forEach((b) => {
      // Same-domain overlaps are reported by the routing-domain rule already.
      if (a.region !== b.region || a.domain === b.domain || !cidrsOverlap(a.cidr, b.cidr)) return;
      report(
        `environments.${b.envName}.regions.${b.region}.vpcCidr`,
        `${b.cidr} overlaps ${a.cidr} of environment "${a.envName}" in the same region; traffic from peered regions enters ${b.region}'s Transit Gateway through one route table that reaches every VPC there, so VPCs of one region need disjoint CIDRs even across routing domains`,
      );
    }),
  );
}

/** Indexes of the items that repeat an earlier one. */
function duplicatesIn(items: readonly string[]): number[] {
  return items.flatMap((item, i) => (items.indexOf(item) !== i ? [i] : []));
}
