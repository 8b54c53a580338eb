import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consoleIo, runCommand, SELECTION_HELP, SELECTION_OPTIONS, selectionFrom, type CliIo } from "./lib/cli";
import { driftOf, renderDriftIssue, renderDriftText, type StackDrift } from "./lib/drift-report";
import { planStack } from "./lib/stack-plan";
import { selectStacks } from "./lib/stack-selection";
import { outdirFrom, readSynthesizedStacks } from "./lib/synthesized-stacks";
import { terraformCli, type TerraformCommand } from "./lib/terraform-cli";

const USAGE = `usage: npm run drift -- [--env NAME] [--account NAME] [--region REGION] [--stack PATTERN]... [--json FILE] [--issues-dir DIR] [--plans-dir DIR] [--run-url URL]

Runs \`terraform plan -detailed-exitcode\` (without the state lock) on every selected stack and
reports the resources changed outside Terraform, apart from changes of the configuration that
were not applied yet. Exit 0: no drift; 2: drift found; 1: a stack could not be checked.
${SELECTION_HELP}
  --json FILE       write the report as JSON
  --issues-dir DIR  write DIR/<stack>.md (title on the first line, then the body) for every drifted or failed stack
  --run-url URL     link the issues to this workflow run
  --plans-dir DIR   keep each stack's \`terraform show -json\` plan as DIR/<stack>.json`;

/** Exit code of a drift run: a failure outranks drift, drift outranks pending changes. */
export function driftExitCode(reports: readonly StackDrift[]): number {
  if (reports.some((r) => r.status === "failed")) return 1;
  return reports.some((r) => r.status === "drifted") ? 2 : 0;
}

const OPTIONS = { ...SELECTION_OPTIONS, json: { type: "string" }, "issues-dir": { type: "string" }, "plans-dir": { type: "string" }, "run-url": { type: "string" } } as const;

export function runDrift(args: readonly string[], io: CliIo, tf: TerraformCommand = terraformCli()): number {
  return runCommand(args, io, { usage: USAGE, options: OPTIONS, failureExitCode: 1 }, ({ values }) => {
    const stacks = selectStacks(readSynthesizedStacks(outdirFrom(values.outdir)), selectionFrom(values));
    const plansDir = values["plans-dir"];
    if (plansDir) mkdirSync(plansDir, { recursive: true });
    const reports = stacks.map((stack) => {
      const result = planStack(tf, stack, { lock: false });
      if (plansDir && result.planText !== undefined) writeFileSync(join(plansDir, `${stack.name}.json`), result.planText);
      return driftOf(stack.name, result.plan, result.error);
    });
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

if (require.main === module) process.exitCode = runDrift(process.argv.slice(2), consoleIo);
