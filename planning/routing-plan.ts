import type { OrgModel, VpcModel } from "./model";

/**
 * Who routes to whom, derived from the org model alone: routing domains per region, the peering
 * mesh and its static routes. Pure functions, so stacks and tests read the same plan.
 */

/** One peering of the full mesh, with the static routes each side needs. */
export interface PeeringPlan {
  /** The region earlier in the org's region order: it requests, the other accepts. */
  readonly requester: string;
  readonly accepter: string;
  /** Per side and routing domain: the other side's VPC CIDRs of that domain. */
  readonly routes: readonly PeeringRoutes[];
}

export interface PeeringRoutes {
  /** Region whose Transit Gateway route table gets the routes. */
  readonly region: string;
  readonly domain: string;
  readonly cidrs: readonly string[];
}

/** Every VPC of the org with its environment's routing domain, in environment then region order. */
export function vpcsWithDomain(org: OrgModel): { vpc: VpcModel; domain: string }[] {
  return org.environments.flatMap((env) => env.vpcs.map((vpc) => ({ vpc, domain: env.routingDomain })));
}

/** Routing domains with at least one VPC in `region`, sorted. */
export function domainsIn(org: OrgModel, region: string): string[] {
  return [
    ...new Set(
      vpcsWithDomain(org)
        .filter((v) => v.vpc.region.name === region)
        .map((v) => v.domain),
    ),
  ].sort();
}

/** The routing domain of the environment that owns `vpc`. */
export function domainOf(org: OrgModel, vpc: VpcModel): string {
  const env = org.environments.find((e) => e.name === vpc.environment);
  if (!env) throw new Error(`VPC of unknown environment ${vpc.environment}`);
  return env.routingDomain;
}

/** CIDRs of every other VPC in the same routing domain (any region): what may reach `vpc`. */
export function sameDomainPeerCidrs(org: OrgModel, vpc: VpcModel): string[] {
  const domain = domainOf(org, vpc);
  return vpcsWithDomain(org)
    .filter((v) => v.domain === domain && v.vpc !== vpc)
    .map((v) => v.vpc.cidr);
}

/**
 * What a VPC's private route tables send to its Transit Gateway: every region's address space.
 * Summaries keep VPC route tables unchanged when an environment is added elsewhere; the
 * Transit Gateway route tables, one per routing domain, decide what is actually reachable.
 */
export function transitDestinations(org: OrgModel): string[] {
  return Object.values(org.regions).map((r) => r.addressSpace);
}

/** True when the org has more than one region, so its Transit Gateways are peered. */
export function isMeshed(org: OrgModel): boolean {
  return Object.keys(org.regions).length > 1;
}

/**
 * The full mesh: one peering per unordered region pair (n(n-1)/2), requester = the region listed
 * first in the org. Each side routes the other side's same-domain VPC CIDRs (not its address
 * space: that would carry one domain's traffic into the other's VPCs).
 */
export function peeringPlan(org: OrgModel): PeeringPlan[] {
  const regions = Object.keys(org.regions);
  const cidrsOf = (region: string, domain: string): string[] =>
    vpcsWithDomain(org)
      .filter((v) => v.vpc.region.name === region && v.domain === domain)
      .map((v) => v.vpc.cidr);
  const routesInto = (region: string, peer: string): PeeringRoutes[] =>
    domainsIn(org, region)
      .map((domain) => ({ region, domain, cidrs: cidrsOf(peer, domain) }))
      .filter((r) => r.cidrs.length > 0);
  return regions.flatMap((requester, i) =>
    regions.slice(i + 1).map((accepter) => ({
      requester,
      accepter,
      routes: [...routesInto(requester, accepter), ...routesInto(accepter, requester)],
    })),
  );
}
