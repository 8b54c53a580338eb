import { existsSync } from "node:fs";
import { join } from "node:path";
import { consoleIo, EXIT, runCommand, UsageError, type CliIo } from "./lib/cli";
import { refuseExampleAccounts } from "./lib/example-accounts";
import { PLAN_FILE } from "./lib/stack-plan";
import { outdirFrom, readSynthesizedStacks } from "./lib/synthesized-stacks";
import { failureTail, terraformCli, type TerraformCommand } from "./lib/terraform-cli";

const USAGE = `usage: npm run apply -- --stack NAME [--outdir DIR]

Applies exactly the plan \`npm run plan\` saved for the stack (cdktf.out/stacks/<stack>/${PLAN_FILE}),
never a fresh one: what was reviewed is what changes. When the stack's state moved since that plan
was made (another apply ran), terraform refuses the stale plan and nothing is applied: plan again.`;

/** terraform's words for a saved plan made against an older state. */
const STALE_PLAN = /Saved plan is stale/i;

export function runApply(args: readonly string[], io: CliIo, tf: TerraformCommand = terraformCli()): number {
  return runCommand(args, io, { usage: USAGE, options: { stack: { type: "string" }, outdir: { type: "string" } } }, ({ values }) => {
    if (!values.stack) throw new UsageError("name the stack with --stack");
    const stack = readSynthesizedStacks(outdirFrom(values.outdir)).find((s) => s.name === values.stack);
    if (!stack) throw new UsageError(`no stack named "${values.stack}" in the synthesized output`);
    refuseExampleAccounts([stack]);
    if (!existsSync(join(stack.dir, PLAN_FILE))) {
      throw new Error(
        `${stack.name} has no saved plan (${join(stack.dir, PLAN_FILE)}): plan it first, \`npm run plan -- --stack ${stack.name}\`, and review the plan`,
      );
    }
    const init = tf(stack.dir, ["init", "-input=false", "-no-color"]);
    if (init.code !== 0) throw new Error(`terraform init of ${stack.name} failed (exit ${init.code}):\n${failureTail(init)}`);
    io.out(`Applying the saved plan of ${stack.name}`);
    const apply = tf(stack.dir, ["apply", "-input=false", "-no-color", "-auto-approve", PLAN_FILE]);
    if (apply.stdout) io.out(apply.stdout.replace(/\n$/, ""));
    if (apply.code === 0) return EXIT.ok;
    if (STALE_PLAN.test(`${apply.stderr}\n${apply.stdout}`)) {
      io.err(
        `${stack.name}: the saved plan is stale: the stack's state changed after it was planned (another apply ran), so nothing was applied.\n` +
          `Re-plan and review again: re-run the deploy workflow, or \`npm run plan -- --stack ${stack.name}\` then \`npm run apply -- --stack ${stack.name}\`.`,
      );
      return EXIT.failure;
    }
    io.err(`terraform apply of ${stack.name} failed (exit ${apply.code}):\n${failureTail(apply)}`);
    return EXIT.failure;
  });
}

if (require.main === module) process.exitCode = runApply(process.argv.slice(2), consoleIo);
