import { readFileSync } from "node:fs";
import { loadConfiguredOrg } from "../environments/org-setting";
import type { OrgModel } from "../planning/model";
import { ORG_LEVEL_ENVIRONMENTS } from "../planning/reserved-names";
import { accountRoleArn } from "../modules/aws/account-role";
import { consoleIo, runCommand, UsageError, type CliIo } from "./lib/cli";
import type { AffectedStacks } from "./lib/affected-stacks";
import { refuseExampleAccounts } from "./lib/example-accounts";
import { accountIdsByName, selectStacks } from "./lib/stack-selection";
import { outdirFrom, readSynthesizedStacks, type SynthesizedStack } from "./lib/synthesized-stacks";
import { partitionOf } from "../planning/partition";

const USAGE = `usage: npm run ci-matrix -- [--outdir DIR] [--affected FILE --base-outdir DIR] [--env NAME --lines]

Prints, as one line of JSON, what the workflows fan out over, read from the synthesized manifest:
  stacks        one entry per stack CI can plan, with its account's plan and deploy roles (assumed through GitHub OIDC)
  environments  deploy order of the environments (producers first), each with its GitHub environment
  skipped       stacks CI leaves alone, and why
--affected FILE (from \`npm run affected-stacks -- --json\`) keeps only the affected stacks; removed
ones come from --base-outdir, marked destroy.
--env NAME --lines prints "<stack> <deploy role ARN>" per stack of that environment in dependency order,
for the deploy loop.`;

export interface MatrixStack {
  readonly stack: string;
  readonly environment: string;
  readonly account: string;
  readonly accountName: string;
  readonly region: string;
  /** The account's read-only plan role: what plan and drift jobs assume through GitHub OIDC. */
  readonly planRole: string;
  /** The account's deploy role: what the deploy job of the stack's GitHub environment assumes. */
  readonly deployRole: string;
  /** Synthesized directory the stack is planned from: the head's, or the base's for a removed stack. */
  readonly outdir: string;
  /** Plan the stack's destruction: it is gone from the org. */
  readonly destroy: boolean;
}

export interface CiMatrix {
  readonly stacks: readonly MatrixStack[];
  readonly environments: readonly { readonly environment: string; readonly githubEnvironment: string }[];
  readonly skipped: readonly { readonly stack: string; readonly reason: string }[];
}

export function ciMatrix(stacks: readonly SynthesizedStack[], org: Pick<OrgModel, "access" | "environments">, outdir = "cdktf.out", destroy = false): CiMatrix {
  const names = new Map([...accountIdsByName(stacks)].map(([name, id]) => [id, name]));
  // A bootstrap stack on local state has no state CI could read: it is planned and applied by hand.
  const planned = stacks.filter((s) => s.backend.kind === "s3");
  const skipped = stacks
    .filter((s) => s.backend.kind !== "s3")
    .map((s) => ({ stack: s.name, reason: "state is local (bootstrapBackend: local); plan and apply it by hand until it is migrated to its bucket" }));
  return {
    stacks: planned.map((s) => ({
      stack: s.name,
      environment: s.environment,
      account: s.accountId,
      accountName: names.get(s.accountId) ?? "",
      region: s.region,
      planRole: accountRoleArn({ id: s.accountId }, org.access.planRoleName, partitionOf(s.region)),
      deployRole: accountRoleArn({ id: s.accountId }, org.access.deployRoleName, partitionOf(s.region)),
      outdir,
      destroy,
    })),
    environments: environmentOrder(planned, [...ORG_LEVEL_ENVIRONMENTS, ...org.environments.map((e) => e.name)]).map((environment) => ({
      environment,
      githubEnvironment: environment,
    })),
    skipped,
  };
}

/**
 * Environments such that every environment comes after those its stacks read outputs from;
 * otherwise in `preferred` order (org-level first, then the order of the org file).
 */
export function environmentOrder(stacks: readonly SynthesizedStack[], preferred: readonly string[]): string[] {
  const envOf = new Map(stacks.map((s) => [s.name, s.environment]));
  const rank = (e: string) => (preferred.includes(e) ? preferred.indexOf(e) : preferred.length);
  const envs = [...new Set(stacks.map((s) => s.environment))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const needs = new Map(envs.map((e) => [e, new Set<string>()]));
  for (const s of stacks)
    for (const dep of s.dependencies) if (envOf.has(dep) && envOf.get(dep) !== s.environment) needs.get(s.environment)!.add(envOf.get(dep)!);
  const ordered: string[] = [];
  while (ordered.length < envs.length) {
    const next = envs.find((e) => !ordered.includes(e) && [...needs.get(e)!].every((d) => ordered.includes(d)));
    if (!next) throw new Error(`environments depend on each other in a cycle: ${envs.filter((e) => !ordered.includes(e)).join(", ")}`);
    ordered.push(next);
  }
  return ordered;
}

/** The matrix of a pull request that plans only what changed: affected head stacks, then removed base stacks to destroy. */
export function affectedMatrix(
  head: readonly SynthesizedStack[],
  org: Pick<OrgModel, "access" | "environments">,
  headOutdir: string,
  baseOutdir: string,
  affected: AffectedStacks,
): CiMatrix {
  const planned = new Set([...affected.changed, ...affected.added]);
  const removed = new Set(affected.removed);
  const headMatrix = ciMatrix(
    head.filter((s) => planned.has(s.name)),
    org,
    headOutdir,
  );
  const base = removed.size ? readSynthesizedStacks(outdirFrom(baseOutdir)).filter((s) => removed.has(s.name)) : [];
  const baseMatrix = ciMatrix(base, org, baseOutdir, true);
  return {
    stacks: [...headMatrix.stacks, ...baseMatrix.stacks],
    environments: headMatrix.environments,
    skipped: [...headMatrix.skipped, ...baseMatrix.skipped],
  };
}

export function runCiMatrix(args: readonly string[], io: CliIo, load: () => Pick<OrgModel, "access" | "environments"> = () => loadConfiguredOrg()): number {
  const options = {
    outdir: { type: "string" },
    env: { type: "string" },
    lines: { type: "boolean" },
    affected: { type: "string" },
    "base-outdir": { type: "string" },
  } as const;
  return runCommand(args, io, { usage: USAGE, options }, ({ values }) => {
    if (Boolean(values.lines) !== (values.env !== undefined)) throw new UsageError("--env and --lines go together");
    if (Boolean(values.affected) !== Boolean(values["base-outdir"])) throw new UsageError("--affected and --base-outdir go together");
    const outdirFlag = values.outdir ?? "cdktf.out";
    const all = readSynthesizedStacks(outdirFrom(outdirFlag));
    // Every workflow starts here: an org setting still on the example fails the run at once.
    refuseExampleAccounts(all);
    const org = load();
    const matrix = values.affected
      ? affectedMatrix(all, org, outdirFlag, values["base-outdir"]!, JSON.parse(readFileSync(values.affected, "utf8")) as AffectedStacks)
      : ciMatrix(all, org, outdirFlag);
    if (!values.env) {
      io.out(JSON.stringify(matrix));
      return 0;
    }
    const inEnv = new Set(selectStacks(all, { environment: values.env }).map((s) => s.name));
    io.out(
      matrix.stacks
        .filter((s) => inEnv.has(s.stack))
        .map((s) => `${s.stack} ${s.deployRole}`)
        .join("\n"),
    );
    return 0;
  });
}

if (require.main === module) process.exitCode = runCiMatrix(process.argv.slice(2), consoleIo);
