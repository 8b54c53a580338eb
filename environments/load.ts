import { instanceTypeTable } from "../planning/max-pods";
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { carveSubnets, ipv6Netnums } from "../planning/address-plan";
import { ALARM_DEFAULTS, ALARM_IDS, type AlarmId, type AlarmThreshold } from "../planning/alarm-defaults";
import { exampleOrg } from "./example-org";
import type { EnvironmentModel, LogRetentionModel, OrgModel } from "../planning/model";
import { ConfigError } from "./problems";
import { has } from "./rule-helpers";
import { SUBNET_TIERS, type SubnetTier } from "../planning/names";
import { LOG_TIERS, type OrgConfig } from "./schema";
import { validateOrg } from "./validate";

/** Name under which the bundled example organization is reported in errors. */
export const EXAMPLE_ORG_SOURCE = "environments/example-org.ts";

/**
 * Validates an org config object and resolves it into the model every stack reads.
 * @throws ConfigError listing every problem, each with its field path and the fix.
 */
export function resolveOrg(input: unknown, source = "(inline)"): OrgModel {
  const { org, problems } = validateOrg(input);
  if (!org) throw new ConfigError(source, problems, accountNamesOf(input));
  return toModel(org);
}

/** Account names as the file gives them, so problems say `account "network"` rather than `account #1`. */
function accountNamesOf(input: unknown): readonly unknown[] {
  const accounts = (input as { accounts?: unknown } | null | undefined)?.accounts;
  return Array.isArray(accounts) ? accounts.map((a) => (a as { name?: unknown } | null)?.name) : [];
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
  // Editors on Windows save a byte-order mark that JSON.parse refuses; it carries no content.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const isJson = extname(path) === ".json";
  try {
    data = isJson ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const message = isJson ? jsonSyntaxMessage((e as Error).message, text) : yamlSyntaxMessage((e as Error).message);
    throw new ConfigError(path, [{ path: "", message }]);
  }
  return resolveOrg(data, path);
}

/** The org file named by `path`, or the bundled example organization when none is given. */
export function loadOrg(path?: string): OrgModel {
  return path ? loadOrgFile(path) : resolveOrg(exampleOrg, EXAMPLE_ORG_SOURCE);
}

/**
 * The YAML parser is loaded only for YAML files: it is a tenth of the app's start-up.
 * Merge keys ("<<: *defaults") are YAML 1.1 but widely used to share environment settings.
 */
function parseYaml(text: string): unknown {
  return (require("yaml") as typeof import("yaml")).parse(text, { merge: true });
}

/** JSON.parse names a character offset; people look for a line. */
function jsonSyntaxMessage(error: string, text: string): string {
  const offset = /at position (\d+)/.exec(error);
  let where = "";
  if (offset && !/\(line \d+ column \d+\)/.test(error)) {
    const before = text.slice(0, Number(offset[1])).split("\n");
    where = ` (line ${before.length} column ${before[before.length - 1].length + 1})`;
  }
  return `not valid JSON: ${error}${where}; JSON allows no trailing commas, comments or unquoted names: fix it there, or write the org file as YAML`;
}

function yamlSyntaxMessage(error: string): string {
  const hint = /alias|anchor|merge/i.test(error)
    ? "; an alias (*name) and a merge key (<<: *name) need an anchor (&name) on a mapping earlier in the file, e.g. dev: &env-defaults { ... } then staging: { <<: *env-defaults, ... }"
    : /tab/i.test(error)
      ? "; indent with spaces"
      : "";
  return `not valid YAML: ${error.trimEnd()}${hint}`;
}

function toModel(org: OrgConfig): OrgModel {
  const accounts = org.accounts.map((a) => ({ ...a }));
  const byName = new Map(accounts.map((a) => [a.name, a]));
  const regions = Object.fromEntries(Object.entries(org.regions).map(([name, r]) => [name, { name, ...r }]));
  const environments: EnvironmentModel[] = Object.entries(org.environments).map(([name, env]) => ({
    name,
    routingDomain: env.routingDomain,
    natGateways: env.natGateways,
    logRetention: Object.fromEntries(
      LOG_TIERS.map((tier) => [tier, env.observability?.logRetention?.[tier] ?? org.observability.logRetention[tier]]),
    ) as LogRetentionModel,
    interfaceEndpoints: env.interfaceEndpoints,
    ipv6: env.ipv6,
    shareWith: env.shareWith,
    sharedTiers: env.sharedTiers,
    workloadAccounts: env.workloadAccounts.map((n) => byName.get(n)!),
    vpcs: Object.keys(org.regions)
      .filter((regionName) => has(env.regions, regionName))
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
    eks: env.eks && {
      ...env.eks,
      regions: Object.keys(org.regions).filter((regionName) => env.eks!.regions.includes(regionName)),
      instanceTypes: instanceTypeTable(org.eniLimits),
    },
    observability: org.observability.alarms && {
      thresholds: Object.fromEntries(
        ALARM_IDS.map((id) => [id, { ...ALARM_DEFAULTS[id], ...org.observability.alarms![id], ...env.observability?.alarms?.[id] }]),
      ) as Record<AlarmId, AlarmThreshold>,
      subscriptions: env.observability?.subscriptions ?? org.observability.subscriptions,
    },
  }));
  return {
    name: org.name,
    owner: org.owner,
    organizationId: org.organizationId,
    stateRegion: org.stateRegion,
    accessRoleName: org.accessRoleName,
    access: org.access,
    bootstrapBackend: org.bootstrapBackend,
    organizationalUnits: org.organizationalUnits,
    accounts,
    networkAccount: accounts.find((a) => a.role === "network")!,
    monitoringAccount: accounts.find((a) => a.role === "monitoring"),
    regions,
    environments,
    logRetention: org.observability.logRetention,
  };
}
