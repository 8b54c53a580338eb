import { existsSync } from "node:fs";
import { join } from "node:path";
import { consoleIo, runCommand, UsageError, type CliIo } from "./lib/cli";
import { refuseExampleAccounts } from "./lib/example-accounts";
import { outdirFrom, readSynthesizedStacks, type SynthesizedStack } from "./lib/synthesized-stacks";
import { failureTail, terraformCli, type TerraformCommand } from "./lib/terraform-cli";

const USAGE = `usage: npm run state -- <stack> <list | show ADDRESS | pull | output [NAME]> [--outdir DIR]

Runs terraform in the stack's synthesized directory (cdktf.out/stacks/<stack>), initializing its
backend first when needed: the state is read from the stack's own account's bucket through the
account role, exactly as a deploy reads it. Synthesize first (\`npm run synth\`); output synthesized
for an emulator (ORGPLAT_AWS_ENDPOINT) reads the emulator's buckets.`;

/** The terraform arguments of each subcommand, checked before anything runs. */
export function stateArgs(subcommand: string | undefined, rest: readonly string[]): string[] {
  switch (subcommand) {
    case "list":
      return ["state", "list", "-no-color", ...rest];
    case "show":
      if (rest.length !== 1) throw new UsageError("show takes exactly one resource address, e.g. show aws_vpc.vpc_6776A399 (see `list`)");
      return ["state", "show", "-no-color", rest[0]];
    case "pull":
      if (rest.length) throw new UsageError("pull takes no arguments");
      return ["state", "pull"];
    case "output":
      if (rest.length > 1) throw new UsageError("output takes at most one output name");
      return ["output", "-no-color", ...(rest.length ? ["-json", rest[0]] : ["-json"])];
    default:
      throw new UsageError(subcommand ? `unknown subcommand "${subcommand}"` : "name a subcommand");
  }
}

/** A stack by name, or an error listing the names that come closest. */
export function findStack(stacks: readonly SynthesizedStack[], name: string): SynthesizedStack {
  const stack = stacks.find((s) => s.name === name);
  if (stack) return stack;
  const close = stacks
    .map((s) => ({ name: s.name, distance: editDistance(s.name, name) }))
    .filter((s) => s.distance <= Math.max(3, name.length / 4))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((s) => s.name);
  throw new UsageError(`no stack named "${name}"${close.length ? `; did you mean ${close.join(", ")}?` : ""} (\`npm run inventory\` lists every stack)`);
}

/** Levenshtein distance: how many single-character edits turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** True when `terraform init` has configured the backend in `dir` (a local-backend stack needs its .terraform too). */
function isInitialized(dir: string): boolean {
  return existsSync(join(dir, ".terraform", "terraform.tfstate")) || existsSync(join(dir, ".terraform", "providers"));
}

const NEEDS_INIT = /Backend initialization required|please run "terraform init"|Required plugins are not installed/i;

export function runState(args: readonly string[], io: CliIo, tf: TerraformCommand = terraformCli()): number {
  return runCommand(args, io, { usage: USAGE, options: { outdir: { type: "string" } }, positionals: true }, ({ values, positionals }) => {
    const [stackName, subcommand, ...rest] = positionals;
    if (!stackName) throw new UsageError("name a stack");
    const terraformArgs = stateArgs(subcommand, rest);
    const stack = findStack(readSynthesizedStacks(outdirFrom(values.outdir)), stackName);
    refuseExampleAccounts([stack]);
    if (!isInitialized(stack.dir) && !init(tf, stack, io)) return 1;
    let run = tf(stack.dir, terraformArgs);
    // The backend block changed since the last init (e.g. a new synth): initialize again, once.
    if (run.code !== 0 && NEEDS_INIT.test(run.stderr)) {
      if (!init(tf, stack, io)) return 1;
      run = tf(stack.dir, terraformArgs);
    }
    // Plain text for pipes and scripts: terraform colours some subcommands' output whatever the terminal.
    if (run.stdout) io.out(withoutAnsi(run.stdout).replace(/\n$/, ""));
    if (run.code !== 0) io.err(`terraform ${terraformArgs.join(" ")} failed in ${stack.dir} (exit ${run.code}):\n${failureTail(run)}`);
    return run.code;
  });
}

/** Text without ANSI colour and style sequences. */
export function withoutAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- terminal colour codes start with ESC
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

function init(tf: TerraformCommand, stack: SynthesizedStack, io: CliIo): boolean {
  const run = tf(stack.dir, ["init", "-input=false", "-no-color"]);
  if (run.code === 0) return true;
  io.err(
    `terraform init of ${stack.name} failed (exit ${run.code}) in ${stack.dir}:\n${failureTail(run)}\n` +
      "If the stack's backend moved (e.g. bootstrap from local to s3), migrate it there by hand: terraform init -migrate-state",
  );
  return false;
}

if (require.main === module) process.exitCode = runState(process.argv.slice(2), consoleIo);
