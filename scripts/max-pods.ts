import { INSTANCE_TYPES, maxPodsFor } from "../planning/max-pods";
import { consoleIo, EXIT, runCommand, UsageError, type CliIo } from "./lib/cli";

const USAGE = `usage: npm run max-pods -- <instance-type>...   (e.g. t3.medium m5.large)

Pods per node under the VPC CNI (ENIs × (IPv4 per ENI − 1) + 2) for each instance type, from the
product's table (planning/max-pods.ts). Exit 1 when a type is not in the table.`;

/** Pods per node of each type; the problems name the types missing from the table. */
export function maxPodsReport(instanceTypes: readonly string[]): { lines: string[]; problems: string[]; exitCode: number } {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const type of instanceTypes) {
    const limits = INSTANCE_TYPES[type];
    if (!limits) {
      const family = type.split(".")[0];
      const known = Object.keys(INSTANCE_TYPES).filter((t) => t.startsWith(`${family}.`));
      problems.push(`${type}: not in the table (planning/max-pods.ts)${known.length ? `; known ${family} sizes: ${known.join(", ")}` : ""}`);
      continue;
    }
    lines.push(`${type}: ${maxPodsFor(limits)} pods (${limits.enis} ENIs × (${limits.ipv4PerEni} IPv4 − 1) + 2)`);
  }
  return { lines, problems, exitCode: problems.length ? EXIT.failure : EXIT.ok };
}

export function runMaxPods(args: readonly string[], io: CliIo): number {
  return runCommand(args, io, { usage: USAGE, options: {}, positionals: true }, ({ positionals }) => {
    if (!positionals.length) throw new UsageError("name at least one instance type");
    const { lines, problems, exitCode } = maxPodsReport(positionals);
    for (const line of lines) io.out(line);
    for (const problem of problems) io.err(problem);
    return exitCode;
  });
}

if (require.main === module) process.exitCode = runMaxPods(process.argv.slice(2), consoleIo);
