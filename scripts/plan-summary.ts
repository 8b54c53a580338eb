import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { AffectedStacks } from "./lib/affected-stacks";
import { consoleIo, runCommand, UsageError, type CliIo } from "./lib/cli";
import { parsePlanJson } from "./lib/plan-json";
import { DEFAULT_MAX_CHARS, renderPlanComment, summarizeStackPlan, type StackPlanInput } from "./lib/plan-summary";

const USAGE = `usage: npm run plan-summary -- <plan.json | plan.error.txt | dir>... [--title TEXT] [--run-url URL] [--max-chars N] [--affected FILE] [--out FILE]

Reads one \`terraform show -json\` plan per stack (<stack>.json; a stack whose plan failed leaves
<stack>.error.txt instead; directories are searched) and prints the pull-request comment in markdown:
one table of the stacks that change, unchanged stacks collapsed, a warning for every destroy or
replace of a resource that holds data, per-stack details folded, at most --max-chars (default ${DEFAULT_MAX_CHARS}).
--affected FILE (\`npm run affected-stacks -- --json\`) adds "N of M stacks affected" and the unaffected stacks, folded.`;

const PLAN_SUFFIX = ".json";
const ERROR_SUFFIX = ".error.txt";

/** The plan files under `paths`, one input per stack (named after the file). */
export function readPlanInputs(paths: readonly string[]): StackPlanInput[] {
  const files = paths.flatMap(filesUnder);
  const inputs = files.map((file): StackPlanInput => {
    const name = basename(file);
    if (name.endsWith(ERROR_SUFFIX)) return { stack: name.slice(0, -ERROR_SUFFIX.length), error: readFileSync(file, "utf8") };
    return { stack: name.slice(0, -PLAN_SUFFIX.length), plan: parsePlanJson(readFileSync(file, "utf8"), file) };
  });
  const seen = new Map<string, number>();
  for (const { stack } of inputs) seen.set(stack, (seen.get(stack) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([s]) => s);
  if (twice.length) throw new UsageError(`more than one plan for ${twice.join(", ")}: pass each stack's plan once`);
  return inputs;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file or directory`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) return filesUnder(full);
      return entry.endsWith(PLAN_SUFFIX) || entry.endsWith(ERROR_SUFFIX) ? [full] : [];
    });
}

export function runPlanSummary(args: readonly string[], io: CliIo): number {
  return runCommand(
    args,
    io,
    {
      usage: USAGE,
      options: {
        title: { type: "string" },
        "run-url": { type: "string" },
        "max-chars": { type: "string" },
        out: { type: "string" },
        affected: { type: "string" },
      },
      positionals: true,
    },
    ({ values, positionals }) => {
      if (!positionals.length) throw new UsageError("name at least one plan file or directory");
      const maxChars = values["max-chars"] === undefined ? undefined : Number(values["max-chars"]);
      if (maxChars !== undefined && !(Number.isInteger(maxChars) && maxChars > 0))
        throw new UsageError(`--max-chars "${values["max-chars"]}" is not a positive whole number`);
      const inputs = readPlanInputs(positionals);
      if (!inputs.length) throw new UsageError(`no <stack>.json or <stack>.error.txt under ${positionals.join(", ")}`);
      const comment = renderPlanComment(inputs.map(summarizeStackPlan), {
        title: values.title,
        runUrl: values["run-url"],
        maxChars,
        affected: values.affected ? (JSON.parse(readFileSync(values.affected, "utf8")) as AffectedStacks) : undefined,
      });
      if (values.out) writeFileSync(values.out, `${comment}\n`);
      else io.out(comment);
      return 0;
    },
  );
}

if (require.main === module) process.exitCode = runPlanSummary(process.argv.slice(2), consoleIo);
