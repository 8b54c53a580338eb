import { INSTANCE_TYPES, maxPodsFor } from "../modules/eks/max-pods";

/**
 * `npm run max-pods -- t3.medium m5.large ...`: pods per node under the VPC CNI
 * (ENIs × (IPv4 per ENI − 1) + 2) for each instance type, from the product's table.
 * Exit code 1 when a type is not in the table.
 */
export function maxPodsReport(instanceTypes: readonly string[]): { lines: string[]; problems: string[]; exitCode: number } {
  if (!instanceTypes.length) {
    return { lines: [], problems: ["usage: npm run max-pods -- <instance-type>... (e.g. t3.medium m5.large)"], exitCode: 1 };
  }
  const lines: string[] = [];
  const problems: string[] = [];
  for (const type of instanceTypes) {
    const limits = INSTANCE_TYPES[type];
    if (!limits) {
      const family = type.split(".")[0];
      const known = Object.keys(INSTANCE_TYPES).filter((t) => t.startsWith(`${family}.`));
      problems.push(`${type}: not in the table (modules/eks/max-pods.ts)${known.length ? `; known ${family} sizes: ${known.join(", ")}` : ""}`);
      continue;
    }
    lines.push(`${type}: ${maxPodsFor(limits)} pods (${limits.enis} ENIs × (${limits.ipv4PerEni} IPv4 − 1) + 2)`);
  }
  return { lines, problems, exitCode: problems.length ? 1 : 0 };
}

if (require.main === module) {
  const { lines, problems, exitCode } = maxPodsReport(process.argv.slice(2));
  for (const line of lines) console.log(line);
  for (const problem of problems) console.error(problem);
  process.exitCode = exitCode;
}
