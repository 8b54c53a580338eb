import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consoleIo, EXIT, positiveInteger, runCommandAsync, SELECTION_HELP, SELECTION_OPTIONS, selectionFrom, type CliIo } from "./lib/cli";
import { driftOf, renderDriftIssue, renderDriftText, type StackDrift } from "./lib/drift-report";
import { refuseExampleAccounts } from "./lib/example-accounts";
import { inParallel, planStack } from "./lib/stack-plan";
import { selectStacks } from "./lib/stack-selection";
import { outdirFrom, readSynthesizedStacks } from "./lib/synthesized-stacks";
import { terraformCliAsync, type AsyncTerraformCommand } from "./lib/terraform-cli";

const USAGE = `usage: npm run drift -- [--env NAME] [--account NAME] [--region REGION] [--stack PATTERN]... [--json FILE] [--issues-dir DIR] [--plans-dir DIR] [--run-url URL] [--parallelism N]

Runs \`terraform plan -detailed-exitcode\` (without the state lock) on every selected stack and
reports the resources changed outside Terraform, apart from changes of the configuration that
were not applied yet. A line when a stack starts and when it ends, the report at the end.
Exit 0: no drift; 2: drift found; 1: a stack could not be checked; 64: usage error.
${SELECTION_HELP}
  --parallelism N   check up to N stacks at once (default 1)
  --json FILE       write the report as JSON
  --issues-dir DIR  write DIR/<stack>.md (title on the first line, then the body) for every drifted or failed stack
  --run-url URL     link the issues to this workflow run
  --plans-dir DIR   keep each stack's \`terraform show -json\` plan as DIR/<stack>.json`;

/** Exit code of a drift run: a failure outranks drift, drift outranks pending changes. */
export function driftExitCode(reports: readonly StackDrift[]): number {
  if (reports.some((r) => r.status === "failed")) return EXIT.failure;
  return reports.some((r) => r.status === "drifted") ? EXIT.changes : EXIT.ok;
}

const OPTIONS = {
  ...SELECTION_OPTIONS,
  json: { type: "string" },
  "issues-dir": { type: "string" },
  "plans-dir": { type: "string" },
  "run-url": { type: "string" },
  parallelism: { type: "string" },
} as const;

export function runDrift(args: readonly string[], io: CliIo, tf: AsyncTerraformCommand = terraformCliAsync(), now: () => number = Date.now): Promise<number> {
  return runCommandAsync(args, io, { usage: USAGE, options: OPTIONS }, async ({ values }) => {
    const parallelism = positiveInteger("parallelism", values.parallelism, 1);
    const stacks = selectStacks(readSynthesizedStacks(outdirFrom(values.outdir)), selectionFrom(values));
    refuseExampleAccounts(stacks);
    const plansDir = values["plans-dir"];
    if (plansDir) mkdirSync(plansDir, { recursive: true });
    const started = now();
    const elapsed = () => `${((now() - started) / 1000).toFixed(1)} s`;
    io.out(`Checking ${stacks.length} stack${stacks.length === 1 ? "" : "s"} for drift, ${parallelism} at a time`);
    let finished = 0;
    const reports = await inParallel(stacks, parallelism, async (stack) => {
      io.out(`  started  ${stack.name} (at ${elapsed()})`);
      const result = await planStack(tf, stack, { lock: false }, now);
      if (plansDir && result.planText !== undefined) writeFileSync(join(plansDir, `${stack.name}.json`), result.planText);
      const report = driftOf(stack.name, result.plan, result.error);
      finished += 1;
      io.out(`[${finished}/${stacks.length}] ${stack.name}: ${report.status} (${result.seconds.toFixed(1)} s)`);
      return report;
    });
    io.out(`checked in ${elapsed()}`);
    io.out(renderDriftText(reports));
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ stacks: reports }, null, 2)}\n`);
    if (values["issues-dir"]) {
      mkdirSync(values["issues-dir"], { recursive: true });
      for (const report of reports.filter((r) => r.status === "drifted" || r.status === "failed")) {
        const { title, body } = renderDriftIssue(report, values["run-url"]);
        writeFileSync(join(values["issues-dir"], `${report.stack}.md`), `${title}\n${body}\n`);
      }
    }
    return driftExitCode(reports);
  });
}

if (require.main === module) void runDrift(process.argv.slice(2), consoleIo).then((code) => (process.exitCode = code));
