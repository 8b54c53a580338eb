import { parseArgs, type ParseArgsConfig } from "node:util";
import type { StackSelection } from "./stack-selection";

/** Where a command writes; tests capture it, the CLI prints it. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const consoleIo: CliIo = { out: (text) => console.log(text), err: (text) => console.error(text) };

/** Flags every stack-selecting command takes, with their help text. */
export const SELECTION_OPTIONS = {
  env: { type: "string" },
  account: { type: "string" },
  region: { type: "string" },
  stack: { type: "string", multiple: true },
  outdir: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

export const SELECTION_HELP = [
  "  --env NAME        stacks of one environment (dev, staging, prod, shared = org-wide networking, global = bootstrap)",
  "  --account NAME    stacks in one account (name or 12-digit id)",
  "  --region REGION   stacks whose home region is REGION",
  "  --stack PATTERN   stack name or pattern like 'dev-us-east-1-*' (repeatable)",
  "  --outdir DIR      synthesized directory (default: $CDKTF_OUTDIR or cdktf.out)",
].join("\n");

/** Thrown for a command line that cannot run; the message is shown with the usage. */
export class UsageError extends Error {}

/** parseArgs that turns its errors into UsageErrors. */
export function parseCli<O extends NonNullable<ParseArgsConfig["options"]>>(args: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function selectionFrom(values: { env?: string; account?: string; region?: string; stack?: string[] }): StackSelection {
  return { environment: values.env, account: values.account, region: values.region, stacks: values.stack };
}

/** Column-aligned plain-text table. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
