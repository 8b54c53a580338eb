/**
 * Words the stack names, stack tags and the CI matrix give a meaning of their own. They live here
 * alone: the stacks name themselves with them, the CI matrix orders by them, and the config rules
 * refuse an org file that would reuse one (`environments/reserved-name-rules.ts`).
 */

/** Environment of the per-account bootstrap stacks (state bucket, roles): the `environment` tag and GitHub environment. */
export const BOOTSTRAP_ENVIRONMENT = "global";

/** Environment of the organization-wide network stacks ("shared-<region>-transit"). */
export const SHARED_ENVIRONMENT = "shared";

/** Region part of the name of a stack that spans every region ("shared-global-transit-peering"). */
export const GLOBAL_REGION = "global";

/** First word of each bootstrap stack's name ("bootstrap-<account name>"); scripts find accounts by it. */
export const BOOTSTRAP_STACK_PREFIX = "bootstrap";

/** Name of each Transit Gateway's route table for traffic arriving from peered regions. */
export const PEERING_ROUTE_TABLE = "peering";

/** Environments that hold the org itself; they deploy before every configured environment. */
export const ORG_LEVEL_ENVIRONMENTS: readonly string[] = [BOOTSTRAP_ENVIRONMENT, SHARED_ENVIRONMENT];

/** A word a configured name may not take, and what it already means. */
export interface ReservedName {
  readonly name: string;
  readonly meaning: string;
}

/** Environment names that would merge an environment with the org-level stacks or be read as a bootstrap stack. */
export const RESERVED_ENVIRONMENT_NAMES: readonly ReservedName[] = [
  { name: BOOTSTRAP_ENVIRONMENT, meaning: "the environment of the per-account bootstrap stacks, which CI deploys first" },
  { name: SHARED_ENVIRONMENT, meaning: `the environment of the organization-wide Transit Gateway stacks ("${SHARED_ENVIRONMENT}-<region>-transit")` },
  {
    name: BOOTSTRAP_STACK_PREFIX,
    meaning: `the prefix of the bootstrap stacks ("${BOOTSTRAP_STACK_PREFIX}-<account name>"), by which scripts find each account`,
  },
];

/** Region names that would collide with the name of a stack spanning every region. */
export const RESERVED_REGION_NAMES: readonly ReservedName[] = [
  { name: GLOBAL_REGION, meaning: `the region part of the stacks that span every region ("${SHARED_ENVIRONMENT}-${GLOBAL_REGION}-transit-peering")` },
];

/** Routing domains that would share a Transit Gateway route table with peered traffic. */
export const RESERVED_ROUTING_DOMAINS: readonly ReservedName[] = [
  { name: PEERING_ROUTE_TABLE, meaning: "the Transit Gateway route table that receives traffic from peered regions" },
];

export function reservedAs(name: string, reserved: readonly ReservedName[]): ReservedName | undefined {
  return reserved.find((r) => r.name === name);
}
