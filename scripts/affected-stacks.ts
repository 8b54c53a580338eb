import { writeFileSync } from "node:fs";
import { affectedCount, affectedStacks, allAffected } from "./lib/affected-stacks";
import { consoleIo, EXIT, runCommand, UsageError, type CliIo } from "./lib/cli";
import { readSynthesizedStacks } from "./lib/synthesized-stacks";

const USAGE = `usage: npm run affected-stacks -- --head DIR (--base DIR | --all) [--json FILE]

Compares two synthesized outputs (the pull request's base and head) stack by stack and prints which
stacks the change affects: changed (synthesized differently), added, removed (to be planned for
destruction from the base output); the rest are unaffected and need no plan.
  --head DIR    synthesized output of the change
  --base DIR    synthesized output before it
  --all         every stack of head is affected (a full plan)
  --json FILE   write the result as JSON: {changed, added, removed, unaffected, total}`;

export function runAffectedStacks(args: readonly string[], io: CliIo): number {
  return runCommand(
    args,
    io,
    { usage: USAGE, options: { head: { type: "string" }, base: { type: "string" }, all: { type: "boolean" }, json: { type: "string" } } },
    ({ values }) => {
      if (!values.head) throw new UsageError("--head is required");
      if (Boolean(values.base) === Boolean(values.all)) throw new UsageError("give exactly one of --base DIR and --all");
      const head = readSynthesizedStacks(values.head);
      const affected = values.all ? allAffected(head) : affectedStacks(readSynthesizedStacks(values.base!), head);
      io.out(`${affectedCount(affected)} of ${affected.total} stacks affected`);
      for (const [label, names] of [
        ["changed", affected.changed],
        ["added", affected.added],
        ["removed (destroy)", affected.removed],
      ] as const) {
        for (const name of names) io.out(`  ${label.padEnd(17)} ${name}`);
      }
      if (values.json) writeFileSync(values.json, `${JSON.stringify(affected, null, 2)}\n`);
      return EXIT.ok;
    },
  );
}

if (require.main === module) process.exitCode = runAffectedStacks(process.argv.slice(2), consoleIo);
