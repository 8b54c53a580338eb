import { accessProblems } from "./access-rules";
import { AddressPlanError, AddressSpaceExhausted, carveSubnets, cidrInside, cidrsOverlap, ipv6Netnums } from "../planning/address-plan";
import { factsFor, type AwsFacts } from "../planning/aws-facts";
import { azIdBelongsTo, azIdPrefixOf, REGION_NAME } from "../planning/az-ids";
import { batchProblems } from "./batch-rules";
import { eksProblems } from "./eks-rules";
import { networkProblems } from "./network-rules";
import { observabilityProblems } from "./observability-rules";
import { reservedNameProblems } from "./reserved-name-rules";
import type { ConfigProblem } from "./problems";
import { has, list, type Report } from "./rule-helpers";
import { SUBNET_TIERS } from "../planning/names";
import { partitionOf } from "../planning/partition";
import { SAFE_NAME, SAFE_NAME_HINT, type OrgConfig } from "./schema";

/**
 * Rules that span fields, checked on an org file that already passed the schema (or on the parts
 * of it that did). Every rule reports all its findings; nothing stops at the first.
 * @param today "YYYY-MM-DD": the day whose EKS versions are on offer (tests pin it)
 */
export function crossFieldProblems(org: OrgConfig, today = new Date().toISOString().slice(0, 10)): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  const facts = factsFor(org.awsFacts);
  checkAccounts(org, report);
  checkRegions(org, facts, report);
  checkEnvironments(org, report);
  checkRoutableOverlaps(org, report);
  problems.push(...reservedNameProblems(org));
  problems.push(...networkProblems(org));
  problems.push(...batchProblems(org));
  problems.push(...eksProblems(org, facts, today));
  problems.push(...accessProblems(org));
  problems.push(...observabilityProblems(org));
  return problems;
}

function checkAccounts(org: OrgConfig, report: Report): void {
  const firstById = new Map<string, number>();
  const firstByName = new Map<string, number>();
  org.accounts.forEach((account, i) => {
    const idTwin = firstById.get(account.id);
    if (idTwin !== undefined) {
      report(
        `accounts.${i}.id`,
        `account "${account.name}" reuses id ${account.id} of account "${org.accounts[idTwin].name}"; every account id must be unique`,
      );
    } else firstById.set(account.id, i);
    const nameTwin = firstByName.get(account.name);
    if (nameTwin !== undefined) {
      report(`accounts.${i}.name`, `name "${account.name}" is already used by the account with id ${org.accounts[nameTwin].id}; account names must be unique`);
    } else firstByName.set(account.name, i);
    if (!has(org.organizationalUnits, account.ou)) {
      report(
        `accounts.${i}.ou`,
        `account "${account.name}" names OU "${account.ou}", which is not in organizationalUnits (known: ${list(Object.keys(org.organizationalUnits))})`,
      );
    }
  });
  const network = org.accounts.filter((a) => a.role === "network");
  if (network.length !== 1) {
    report(
      "accounts",
      `exactly one account must have role "network" (it owns the shared VPCs and Transit Gateways); found ${network.length}${network.length ? `: ${list(network.map((a) => a.name))}` : ""}`,
    );
  }
}

function checkRegions(org: OrgConfig, facts: AwsFacts, report: Report): void {
  if (!has(org.regions, org.stateRegion)) {
    report("stateRegion", `"${org.stateRegion}" is not one of the configured regions (${list(Object.keys(org.regions))})`);
  }
  const asnOwner = new Map<number, string>();
  const names = Object.keys(org.regions);
  // Rules also run on files whose other parts failed the schema: stateRegion may be missing.
  const orgPartition = typeof org.stateRegion === "string" ? partitionOf(org.stateRegion) : undefined;
  for (const [name, region] of Object.entries(org.regions)) {
    if (orgPartition && partitionOf(name) !== orgPartition) {
      report(
        `regions.${name}`,
        `${name} is in partition ${partitionOf(name)} but stateRegion ${org.stateRegion} is in ${orgPartition}; accounts, Transit Gateway peerings and RAM shares stay inside one partition, so keep one org file per partition`,
      );
    }
    const knownAzIds = facts.azIdsByRegion.get(name);
    if (!knownAzIds) {
      report(
        `regions.${name}`,
        REGION_NAME.test(name)
          ? `"${name}" is not an AWS region in planning/aws-facts.ts; check the spelling, or if AWS launched it since, add it under awsFacts.regions with its AZ IDs`
          : `"${name}" is not an AWS region name; use names like "us-east-1" or "ap-southeast-1"`,
      );
      continue;
    }
    region.azIds.forEach((azId, i) => {
      if (!azIdBelongsTo(azId, name)) {
        report(
          `regions.${name}.azIds.${i}`,
          `"${azId}" is not an AZ ID of ${name}; AZ IDs there look like "${azIdPrefixOf(name)}-az1" (use AZ IDs, not AZ names such as "${name}a")`,
        );
      } else if (!knownAzIds.includes(azId)) {
        report(
          `regions.${name}.azIds.${i}`,
          `${name} has no AZ "${azId}" (it has ${list(knownAzIds)}); pick one of those, or if AWS added it since, list it under awsFacts.regions.${name}.azIds`,
        );
      }
      if (region.azIds.indexOf(azId) !== i) report(`regions.${name}.azIds.${i}`, `"${azId}" is listed twice`);
    });
    const asnTwin = asnOwner.get(region.transitGatewayAsn);
    if (asnTwin) {
      report(
        `regions.${name}.transitGatewayAsn`,
        `ASN ${region.transitGatewayAsn} is already used by ${asnTwin}; every Transit Gateway needs its own amazon_side_asn`,
      );
    } else asnOwner.set(region.transitGatewayAsn, name);
  }
  names.forEach((a, i) =>
    names.slice(i + 1).forEach((b) => {
      if (cidrsOverlap(org.regions[a].addressSpace, org.regions[b].addressSpace)) {
        report(
          `regions.${b}.addressSpace`,
          `${org.regions[b].addressSpace} overlaps ${a}'s ${org.regions[a].addressSpace}; peered regions need disjoint address spaces`,
        );
      }
    }),
  );
}

function checkEnvironments(org: OrgConfig, report: Report): void {
  const accountsByName = new Map(org.accounts.map((a) => [a.name, a]));
  for (const [envName, env] of Object.entries(org.environments)) {
    const at = `environments.${envName}`;
    if (!SAFE_NAME.test(envName)) report(at, `environment name "${envName}" is not safe for stack names and S3 keys; ${SAFE_NAME_HINT}`);
    env.workloadAccounts.forEach((name, i) => {
      const account = accountsByName.get(name);
      if (!account) report(`${at}.workloadAccounts.${i}`, `account "${name}" is not in accounts (known: ${list([...accountsByName.keys()])})`);
      else if (account.role !== "workload")
        report(`${at}.workloadAccounts.${i}`, `account "${name}" has role "${account.role}"; only accounts with role "workload" run environments`);
    });
    if (Object.keys(env.regions).length === 0) report(`${at}.regions`, `name at least one region (${list(Object.keys(org.regions))})`);
    for (const [regionName, vpc] of Object.entries(env.regions)) {
      const where = `${at}.regions.${regionName}`;
      const region = has(org.regions, regionName) ? org.regions[regionName] : undefined;
      if (!region) {
        report(where, `region "${regionName}" is not in regions (known: ${list(Object.keys(org.regions))})`);
        continue;
      }
      if (!cidrInside(vpc.vpcCidr, region.addressSpace)) {
        report(`${where}.vpcCidr`, `${vpc.vpcCidr} lies outside ${regionName}'s address space ${region.addressSpace}; pick a block inside it`);
      }
      // An AZ ID of another region is reported above; carving it would only repeat that.
      const azIds = region.azIds.filter((azId) => azIdBelongsTo(azId, regionName));
      checkSubnetLayout(where, vpc.vpcCidr, azIds, vpc.subnets, vpc.packedAzIds ?? [], report);
    }
  }
}

function checkSubnetLayout(
  where: string,
  vpcCidr: string,
  azIds: readonly string[],
  subnets: OrgConfig["environments"][string]["regions"][string]["subnets"],
  packedAzIds: readonly string[],
  report: Report,
): void {
  let pinnedOk = true;
  const pinned: { path: string; cidr: string }[] = [];
  for (const tier of SUBNET_TIERS) {
    for (const [azId, cidr] of Object.entries(subnets[tier].cidrs ?? {})) {
      const path = `${where}.subnets.${tier}.cidrs.${azId}`;
      const twin = pinned.find((other) => cidrsOverlap(other.cidr, cidr));
      if (twin) {
        report(path, `${cidr} overlaps ${twin.cidr} pinned at ${twin.path}; subnets of one VPC cannot overlap, so pin disjoint blocks`);
        pinnedOk = false;
      }
      pinned.push({ path, cidr });
      if (!azIds.includes(azId)) {
        report(path, `"${azId}" is not one of the region's AZ IDs (${list(azIds)})`);
        pinnedOk = false;
      }
      if (!cidrInside(cidr, vpcCidr)) {
        report(path, `${cidr} lies outside the VPC CIDR ${vpcCidr}; subnet CIDRs must sit inside their VPC`);
        pinnedOk = false;
      }
    }
  }
  if (!pinnedOk) return;
  try {
    carveSubnets(vpcCidr, azIds, subnets, packedAzIds);
    ipv6Netnums(azIds, packedAzIds);
  } catch (e) {
    if (e instanceof AddressSpaceExhausted) report(`${where}.subnets.${e.field}`, `${vpcCidr} has ${e.message}; enlarge the VPC CIDR or shrink the tiers`);
    else if (e instanceof AddressPlanError) report(`${where}.${e.field === "packedAzIds" ? e.field : `subnets.${e.field}`}`, e.message);
    else throw e;
  }
}

/** VPCs of one routing domain reach each other through the TGW mesh, so they must be disjoint. */
function checkRoutableOverlaps(org: OrgConfig, report: Report): void {
  const vpcs = Object.entries(org.environments).flatMap(([envName, env]) =>
    // A VPC in a region the org lacks is reported as such; its overlaps would only add noise.
    Object.entries(env.regions)
      .filter(([region]) => has(org.regions, region))
      .map(([region, vpc]) => ({ envName, region, domain: env.routingDomain, cidr: vpc.vpcCidr })),
  );
  vpcs.forEach((a, i) =>
    vpcs.slice(i + 1).forEach((b) => {
      if (a.domain === b.domain && cidrsOverlap(a.cidr, b.cidr)) {
        report(
          `environments.${b.envName}.regions.${b.region}.vpcCidr`,
          `${b.cidr} overlaps ${a.cidr} of environment "${a.envName}" in ${a.region}; both are in routing domain "${a.domain}" and routed to each other, so pick disjoint CIDRs`,
        );
      }
    }),
  );
}
