import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfiguredOrg } from "../environments/org-setting";
import { synthesizeOrg } from "../stacks/synthesize";
import { consoleIo, runCommand, SELECTION_HELP, SELECTION_OPTIONS, selectionFrom, textTable, UsageError, type CliIo } from "./lib/cli";
import { accountIdsByName, selectStacks } from "./lib/stack-selection";
import { readSynthesizedStacks, type SynthesizedStack } from "./lib/synthesized-stacks";

const USAGE = `usage: npm run inventory -- [--json | --markdown | --names] [--env NAME] [--account NAME] [--region REGION] [--stack PATTERN]... [--outdir DIR]

Every stack with its environment, account, region, state bucket and key, the stacks it reads
outputs from, and its resource count. Synthesizes the org (ORGPLAT_ORG, else orgplat.json's
"org") into a temporary directory, so it always shows the current config; --outdir reads an
already synthesized directory instead.
${SELECTION_HELP}
  --json            JSON array, one object per stack
  --markdown        a markdown table
  --names           stack names only, one per line (for \`npx cdktf deploy $(...)\`)`;

/** One line of the inventory. */
export interface InventoryRow {
  readonly stack: string;
  readonly environment: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly region: string;
  /** The state bucket, or "(local)" for a bootstrap stack before its state moved into its bucket. */
  readonly stateBucket: string;
  /** The key in the bucket, or the local file. */
  readonly stateKey: string;
  readonly dependencies: readonly string[];
  readonly resources: number;
}

export function inventoryRows(stacks: readonly SynthesizedStack[], all: readonly SynthesizedStack[] = stacks): InventoryRow[] {
  const names = new Map([...accountIdsByName(all)].map(([name, id]) => [id, name]));
  return stacks.map((s) => ({
    stack: s.name,
    environment: s.environment,
    accountId: s.accountId,
    accountName: names.get(s.accountId) ?? "",
    region: s.region,
    stateBucket: s.backend.kind === "s3" ? s.backend.bucket : "(local)",
    stateKey: s.backend.kind === "s3" ? s.backend.key : s.backend.path.replace(/^(\.\.\/)+/, ""),
    dependencies: s.dependencies,
    resources: s.resourceCount,
  }));
}

const HEADER = ["stack", "environment", "account", "region", "state bucket", "state key", "depends on", "resources"];

function cells(r: InventoryRow): string[] {
  return [
    r.stack,
    r.environment,
    `${r.accountName} (${r.accountId})`,
    r.region,
    r.stateBucket,
    r.stateKey,
    r.dependencies.join(", ") || "-",
    String(r.resources),
  ];
}

export function formatInventory(rows: readonly InventoryRow[], format: "text" | "json" | "markdown" | "names"): string {
  switch (format) {
    case "json":
      return JSON.stringify(rows, null, 2);
    case "names":
      return rows.map((r) => r.stack).join("\n");
    case "markdown":
      return [
        `| ${HEADER.join(" | ")} |`,
        `|${HEADER.map((h) => (h === "resources" ? " ---: " : " --- ")).join("|")}|`,
        ...rows.map(
          (r) =>
            `| ${cells(r)
              .map((c, i) => (i === 0 || i === 4 || i === 5 ? `\`${c}\`` : c))
              .join(" | ")} |`,
        ),
      ].join("\n");
    case "text":
      return textTable(HEADER, rows.map(cells));
  }
}

/** Synthesizes the org file in force (ORGPLAT_ORG, else orgplat.json) into a temporary directory and reads it. */
function synthesizedNow(): SynthesizedStack[] {
  const dir = mkdtempSync(join(tmpdir(), "orgplat-inventory-"));
  try {
    synthesizeOrg(loadConfiguredOrg(), {}, join(dir, "cdktf.out"));
    return readSynthesizedStacks(join(dir, "cdktf.out"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runInventory(args: readonly string[], io: CliIo, synthesize: () => SynthesizedStack[] = synthesizedNow): number {
  return runCommand(
    args,
    io,
    { usage: USAGE, options: { ...SELECTION_OPTIONS, json: { type: "boolean" }, markdown: { type: "boolean" }, names: { type: "boolean" } } },
    ({ values }) => {
      const formats = (["json", "markdown", "names"] as const).filter((f) => values[f]);
      if (formats.length > 1) throw new UsageError(`choose one of --${formats.join(", --")}`);
      const all = values.outdir ? readSynthesizedStacks(resolve(values.outdir)) : synthesize();
      io.out(formatInventory(inventoryRows(selectStacks(all, selectionFrom(values)), all), formats[0] ?? "text"));
      return 0;
    },
  );
}

if (require.main === module) process.exitCode = runInventory(process.argv.slice(2), consoleIo);
