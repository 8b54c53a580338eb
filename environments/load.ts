import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type { z } from "zod";
import { carveSubnets, ipv6Netnums } from "./address-plan";
import { exampleOrg } from "./example-org";
import type { EnvironmentModel, OrgModel } from "./model";
import { ConfigError, type ConfigProblem } from "./problems";
import { crossFieldProblems } from "./rules";
import { orgSchema, SUBNET_TIERS, type OrgConfig, type SubnetTier } from "./schema";

/** Name under which the bundled example organization is reported in errors. */
export const EXAMPLE_ORG_SOURCE = "environments/example-org.ts";

/**
 * Validates an org config object and resolves it into the model every stack reads.
 * @throws ConfigError listing every problem, each with its field path and the fix.
 */
export function resolveOrg(input: unknown, source = "(inline)"): OrgModel {
  const parsed = orgSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(source, parsed.error.issues.map(toProblem));
  const problems = crossFieldProblems(parsed.data);
  if (problems.length) throw new ConfigError(source, problems);
  return toModel(parsed.data);
}

/** Reads an org file (.json, .yaml or .yml) and resolves it. */
export function loadOrgFile(path: string): OrgModel {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(path, [{ path: "", message: `cannot read the file (${(e as Error).message}); pass an existing .json or .yaml org file` }]);
  }
  let data: unknown;
  try {
    data = extname(path) === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(path, [{ path: "", message: `not valid ${extname(path) === ".json" ? "JSON" : "YAML"}: ${(e as Error).message}` }]);
  }
  return resolveOrg(data, path);
}

/** The org file named by `path`, or the bundled example organization when none is given. */
export function loadOrg(path?: string): OrgModel {
  return path ? loadOrgFile(path) : resolveOrg(exampleOrg, EXAMPLE_ORG_SOURCE);
}

/** The YAML parser is loaded only for YAML files: it is a tenth of the app's start-up. */
function parseYaml(text: string): unknown {
  return (require("yaml") as typeof import("yaml")).parse(text);
}

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  const path = issue.path.map(String).join(".");
  let message = issue.message;
  if (issue.code === "invalid_value") message = `${message.replace(/^Invalid option: expected one of /, "must be one of ")}`;
  if (issue.code === "unrecognized_keys") message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling against environments/schema.ts`;
  return { path, message };
}

function toModel(org: OrgConfig): OrgModel {
  const accounts = org.accounts.map((a) => ({ ...a }));
  const byName = new Map(accounts.map((a) => [a.name, a]));
  const regions = Object.fromEntries(Object.entries(org.regions).map(([name, r]) => [name, { name, ...r }]));
  const environments: EnvironmentModel[] = Object.entries(org.environments).map(([name, env]) => ({
    name,
    routingDomain: env.routingDomain,
    natGateways: env.natGateways,
    flowLogRetentionDays: env.flowLogRetentionDays,
    interfaceEndpoints: env.interfaceEndpoints,
    ipv6: env.ipv6,
    shareWith: env.shareWith,
    sharedTiers: env.sharedTiers,
    workloadAccounts: env.workloadAccounts.map((n) => byName.get(n)!),
    vpcs: Object.keys(org.regions)
      .filter((regionName) => regionName in env.regions)
      .map((regionName) => {
        const layout = env.regions[regionName];
        return {
          environment: name,
          region: regions[regionName],
          cidr: layout.vpcCidr,
          subnets: carveSubnets(layout.vpcCidr, regions[regionName].azIds, layout.subnets, layout.packedAzIds),
          pinnedAzIds: Object.fromEntries(SUBNET_TIERS.map((tier) => [tier, Object.keys(layout.subnets[tier].cidrs ?? {})])) as Record<SubnetTier, string[]>,
          ipv6Netnums: ipv6Netnums(regions[regionName].azIds, layout.packedAzIds),
        };
      }),
    batch: env.batch && {
      regions: Object.keys(org.regions).filter((regionName) => env.batch!.regions.includes(regionName)),
      colours: env.batch.colours,
      // The rules (batch-rules.ts) have checked that a defined colour is active.
      active: env.batch.state.active!,
      draining: env.batch.state.draining,
      jobDefinitions: env.batch.jobDefinitions,
    },
    eks: env.eks && { ...env.eks, regions: Object.keys(org.regions).filter((regionName) => env.eks!.regions.includes(regionName)) },
  }));
  return {
    name: org.name,
    owner: org.owner,
    organizationId: org.organizationId,
    stateRegion: org.stateRegion,
    accessRoleName: org.accessRoleName,
    ciRoleName: org.ciRoleName,
    bootstrapBackend: org.bootstrapBackend,
    organizationalUnits: org.organizationalUnits,
    accounts,
    networkAccount: accounts.find((a) => a.role === "network")!,
    regions,
    environments,
  };
}
