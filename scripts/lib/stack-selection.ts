import { BOOTSTRAP_STACK_PREFIX } from "../../planning/reserved-names";
import { UsageError } from "./cli";
import type { SynthesizedStack } from "./synthesized-stacks";

/** Which stacks a command works on; every given criterion must match. */
export interface StackSelection {
  /** Environment tag: an environment name, "shared" or "global" (bootstrap). */
  readonly environment?: string;
  /** Account name (as in `bootstrap-<name>`) or 12-digit id. */
  readonly account?: string;
  readonly region?: string;
  /** Stack names or cdktf-style patterns ("dev-us-east-1-*"). */
  readonly stacks?: readonly string[];
}

/** minimatch ships no types; the cdktf CLI calls it exactly so. */
const minimatch = require("minimatch") as (name: string, pattern: string) => boolean;

/**
 * A stack pattern read as the cdktf CLI reads it (`cdktf deploy '{dev,shared}-*'`): a minimatch
 * glob, the library and version the CLI itself uses, so a pattern selects the same stacks in both.
 */
export function matchesPattern(name: string, pattern: string): boolean {
  return minimatch(name, pattern);
}

/**
 * Account name → id, read from the bootstrap stacks (one per account, named `bootstrap-<account name>`),
 * so a synthesized directory answers it without the org file that produced it.
 */
export function accountIdsByName(stacks: readonly SynthesizedStack[]): Map<string, string> {
  return new Map(
    stacks.filter((s) => s.name.startsWith(`${BOOTSTRAP_STACK_PREFIX}-`)).map((s) => [s.name.slice(BOOTSTRAP_STACK_PREFIX.length + 1), s.accountId]),
  );
}

/** The stacks matching `selection`, in the order given; a UsageError when a criterion names nothing that exists. */
export function selectStacks(stacks: readonly SynthesizedStack[], selection: StackSelection): SynthesizedStack[] {
  const { environment, account, region, stacks: patterns } = selection;
  const known = (values: Iterable<string>) => [...new Set(values)].sort().join(", ");
  if (environment !== undefined && !stacks.some((s) => s.environment === environment)) {
    throw new UsageError(`no stack of environment "${environment}"; environments: ${known(stacks.map((s) => s.environment))}`);
  }
  let accountId: string | undefined;
  if (account !== undefined) {
    accountId = /^\d{12}$/.test(account) ? account : accountIdsByName(stacks).get(account);
    if (!accountId || !stacks.some((s) => s.accountId === accountId)) {
      throw new UsageError(`no stack in account "${account}"; accounts: ${known([...accountIdsByName(stacks)].map(([name, id]) => `${name} (${id})`))}`);
    }
  }
  if (region !== undefined && !stacks.some((s) => s.region === region)) {
    throw new UsageError(`no stack in region "${region}"; regions: ${known(stacks.map((s) => s.region))}`);
  }
  for (const pattern of patterns ?? []) {
    if (!stacks.some((s) => matchesPattern(s.name, pattern))) throw new UsageError(`no stack matches "${pattern}"; \`npm run inventory\` lists them`);
  }
  return stacks.filter(
    (s) =>
      (environment === undefined || s.environment === environment) &&
      (accountId === undefined || s.accountId === accountId) &&
      (region === undefined || s.region === region) &&
      (!patterns?.length || patterns.some((p) => matchesPattern(s.name, p))),
  );
}
