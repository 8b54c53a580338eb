import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consoleIo, runCommand, SELECTION_HELP, SELECTION_OPTIONS, selectionFrom, textTable, type CliIo } from "./lib/cli";
import { countsText, summarizeStackPlan } from "./lib/plan-summary";
import { planStack, type StackPlanResult } from "./lib/stack-plan";
import { selectStacks } from "./lib/stack-selection";
import { outdirFrom, readSynthesizedStacks } from "./lib/synthesized-stacks";
import { terraformCli, type TerraformCommand } from "./lib/terraform-cli";

const USAGE = `usage: npm run plan -- [--env NAME] [--account NAME] [--region REGION] [--stack PATTERN]... [--json-dir DIR] [--no-lock]

Plans every selected stack of the synthesized output, producers first, one after another:
a progress line per stack, a summary table at the end. Exit 1 when any stack fails to plan.
${SELECTION_HELP}
  --json-dir DIR    write each stack's \`terraform show -json\` plan to DIR/<stack>.json
                    (or the error to DIR/<stack>.error.txt), the input of \`npm run plan-summary\`
  --no-lock         plan without taking the state lock (read-only checks)`;

/** What one planned stack looks like in the progress line and the summary table. */
export function planOutcome(result: StackPlanResult): { cells: string[]; text: string } {
  if (!result.plan) return { cells: ["-", "-", "-", "-", "FAILED"], text: "FAILED" };
  const summary = summarizeStackPlan({ stack: result.stack, plan: result.plan });
  const { counts } = summary;
  const cells = [counts.create, counts.update, counts.delete, counts.replace].map(String);
  if (summary.status === "no-changes") return { cells: [...cells, "no changes"], text: "no changes" };
  const risk = summary.dataAtRisk.length ? `, DATA AT RISK: ${summary.dataAtRisk.map((r) => r.address).join(", ")}` : "";
  return { cells: [...cells, summary.dataAtRisk.length ? "changes, data at risk" : "changes"], text: `${countsText(summary)}${risk}` };
}

const OPTIONS = { ...SELECTION_OPTIONS, "json-dir": { type: "string" }, "no-lock": { type: "boolean" } } as const;

export function runPlanEnv(args: readonly string[], io: CliIo, tf: TerraformCommand = terraformCli()): number {
  return runCommand(args, io, { usage: USAGE, options: OPTIONS }, ({ values }) => {
    const outdir = outdirFrom(values.outdir);
    const stacks = selectStacks(readSynthesizedStacks(outdir), selectionFrom(values));
    io.out(`Planning ${stacks.length} stack${stacks.length === 1 ? "" : "s"} of ${outdir}, producers first`);
    const results: StackPlanResult[] = [];
    stacks.forEach((stack, i) => {
      const result = planStack(tf, stack, { lock: !values["no-lock"] });
      results.push(result);
      io.out(`[${i + 1}/${stacks.length}] ${stack.name}: ${planOutcome(result).text} (${result.seconds.toFixed(1)} s)`);
      if (result.error) io.err(result.error.split("\n").map((l) => `    ${l}`).join("\n"));
      if (values["json-dir"]) saveResult(values["json-dir"], result);
    });
    io.out("");
    io.out(textTable(["stack", "add", "change", "destroy", "replace", "result"], results.map((r) => [r.stack, ...planOutcome(r).cells])));
    const failed = results.filter((r) => !r.plan).length;
    if (failed) io.err(`${failed} stack${failed === 1 ? "" : "s"} failed to plan`);
    return failed ? 1 : 0;
  });
}

function saveResult(dir: string, result: StackPlanResult): void {
  mkdirSync(dir, { recursive: true });
  if (result.planText !== undefined) writeFileSync(join(dir, `${result.stack}.json`), result.planText);
  else writeFileSync(join(dir, `${result.stack}.error.txt`), result.error ?? "unknown error");
}

if (require.main === module) process.exitCode = runPlanEnv(process.argv.slice(2), consoleIo);
