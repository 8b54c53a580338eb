import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consoleIo, EXIT, positiveInteger, runCommandAsync, SELECTION_HELP, SELECTION_OPTIONS, selectionFrom, textTable, type CliIo } from "./lib/cli";
import { refuseExampleAccounts } from "./lib/example-accounts";
import { countsText, summarizeStackPlan } from "./lib/plan-summary";
import { inParallel, PLAN_FILE, planStack, type StackPlanResult } from "./lib/stack-plan";
import { selectStacks } from "./lib/stack-selection";
import { outdirFrom, readSynthesizedStacks } from "./lib/synthesized-stacks";
import { terraformCliAsync, type AsyncTerraformCommand } from "./lib/terraform-cli";

const USAGE = `usage: npm run plan -- [--env NAME] [--account NAME] [--region REGION] [--stack PATTERN]... [--parallelism N] [--detailed-exitcode] [--destroy] [--json-dir DIR] [--no-lock]

Plans every selected stack of the synthesized output, producers first: a line when a stack starts,
one when it ends (with its time), a summary table at the end. Each stack's binary plan stays in its
directory as ${PLAN_FILE}, what \`npm run apply\` applies. Exit 1 when any stack fails to plan.
${SELECTION_HELP}
  --parallelism N       plan up to N stacks at once (default 1)
  --detailed-exitcode   exit 2 when any stack has changes (0 only when none has)
  --destroy             plan the destruction of the selected stacks (stacks removed from the org)
  --json-dir DIR        write each stack's \`terraform show -json\` plan to DIR/<stack>.json
                        (or the error to DIR/<stack>.error.txt), the input of \`npm run plan-summary\`
  --no-lock             plan without taking the state lock (read-only checks)`;

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

const OPTIONS = {
  ...SELECTION_OPTIONS,
  "json-dir": { type: "string" },
  "no-lock": { type: "boolean" },
  parallelism: { type: "string" },
  "detailed-exitcode": { type: "boolean" },
  destroy: { type: "boolean" },
} as const;

export function runPlanEnv(args: readonly string[], io: CliIo, tf: AsyncTerraformCommand = terraformCliAsync(), now: () => number = Date.now): Promise<number> {
  return runCommandAsync(args, io, { usage: USAGE, options: OPTIONS }, async ({ values }) => {
    const parallelism = positiveInteger("parallelism", values.parallelism, 1);
    const outdir = outdirFrom(values.outdir);
    const stacks = selectStacks(readSynthesizedStacks(outdir), selectionFrom(values));
    refuseExampleAccounts(stacks);
    const started = now();
    const elapsed = () => `${((now() - started) / 1000).toFixed(1)} s`;
    const verb = values.destroy ? "Planning the destruction of" : "Planning";
    io.out(`${verb} ${stacks.length} stack${stacks.length === 1 ? "" : "s"} of ${outdir}, producers first, ${parallelism} at a time`);
    let finished = 0;
    const results = await inParallel(stacks, parallelism, async (stack) => {
      io.out(`  started  ${stack.name} (at ${elapsed()})`);
      const result = await planStack(tf, stack, { lock: !values["no-lock"], destroy: values.destroy }, now);
      finished += 1;
      io.out(`[${finished}/${stacks.length}] ${stack.name}: ${planOutcome(result).text} (${result.seconds.toFixed(1)} s)`);
      if (result.error)
        io.err(
          result.error
            .split("\n")
            .map((l) => `    ${l}`)
            .join("\n"),
        );
      if (values["json-dir"]) saveResult(values["json-dir"], result);
      return result;
    });
    io.out("");
    io.out(
      textTable(
        ["stack", "add", "change", "destroy", "replace", "result"],
        results.map((r) => [r.stack, ...planOutcome(r).cells]),
      ),
    );
    const failed = results.filter((r) => !r.plan).length;
    const changed = results.filter((r) => r.changes).length;
    io.out(`${results.length} planned in ${elapsed()}: ${changed} with changes, ${results.length - changed - failed} without, ${failed} failed`);
    if (failed) io.err(`${failed} stack${failed === 1 ? "" : "s"} failed to plan`);
    if (failed) return EXIT.failure;
    return values["detailed-exitcode"] && changed ? EXIT.changes : EXIT.ok;
  });
}

function saveResult(dir: string, result: StackPlanResult): void {
  mkdirSync(dir, { recursive: true });
  if (result.planText !== undefined) writeFileSync(join(dir, `${result.stack}.json`), result.planText);
  else writeFileSync(join(dir, `${result.stack}.error.txt`), result.error ?? "unknown error");
}

if (require.main === module) void runPlanEnv(process.argv.slice(2), consoleIo).then((code) => (process.exitCode = code));
