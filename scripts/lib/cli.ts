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
  "  --stack PATTERN   stack name or glob as the cdktf CLI reads it: 'dev-us-east-1-*', '{dev,shared}-*' (repeatable)",
  "  --outdir DIR      synthesized directory (default: $CDKTF_OUTDIR or cdktf.out)",
].join("\n");

/**
 * The exit codes every orgplat script keeps, and the workflows rely on:
 * 0 done (nothing to change); 2 done, and there are changes or drift (`plan --detailed-exitcode`, `drift`);
 * 1 failed (a stack did not plan, no synthesized output, an invalid org file); 64 the command line is wrong (EX_USAGE).
 */
export const EXIT = { ok: 0, failure: 1, changes: 2, usage: 64 } as const;

export const EXIT_CODES_HELP = "exit codes: 0 ok, 2 changes/drift present (where the command reports them), 1 failed, 64 usage error";

/** Thrown for a command line that cannot run; the message is shown with the usage. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;
type WithHelp<O extends Options> = O & { help: { type: "boolean" } };

/** parseArgs that turns its errors into UsageErrors. */
export function parseCli<O extends Options>(args: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A command's command line: its usage text and flags (`--help` is added). */
export interface CommandSpec<O extends Options> {
  readonly usage: string;
  readonly options: O;
  /** Accept positional arguments. @default false */
  readonly positionals?: boolean;
}

/** The parsed command line handed to a command's body. */
export type ParsedCommand<O extends Options> = ReturnType<typeof parseCli<WithHelp<O>>>;

/**
 * Runs a command the way every orgplat script behaves (see EXIT): `--help` prints the usage
 * (exit 0); a UsageError, from parsing or thrown by the body, prints its message and the usage
 * (exit 64); any other error prints its message only (exit 1). Otherwise the body's exit code.
 */
export function runCommand<O extends Options>(args: readonly string[], io: CliIo, spec: CommandSpec<O>, body: (parsed: ParsedCommand<O>) => number): number {
  try {
    const parsed = parseCli(args, { ...spec.options, help: { type: "boolean" } } as WithHelp<O>, spec.positionals ?? false);
    if ((parsed.values as { help?: boolean }).help) {
      io.out(`${spec.usage}\n${EXIT_CODES_HELP}`);
      return EXIT.ok;
    }
    return body(parsed);
  } catch (e) {
    return failureCode(e, io, spec.usage);
  }
}

/** runCommand for a body that waits (terraform runs in parallel). */
export async function runCommandAsync<O extends Options>(
  args: readonly string[],
  io: CliIo,
  spec: CommandSpec<O>,
  body: (parsed: ParsedCommand<O>) => Promise<number>,
): Promise<number> {
  let pending: Promise<number> | undefined;
  const code = runCommand(args, io, spec, (parsed) => {
    pending = body(parsed);
    return EXIT.ok;
  });
  if (!pending) return code;
  try {
    return await pending;
  } catch (e) {
    return failureCode(e, io, spec.usage);
  }
}

function failureCode(e: unknown, io: CliIo, usage: string): number {
  if (e instanceof UsageError) {
    io.err(`${e.message}\n${usage}`);
    return EXIT.usage;
  }
  io.err((e as Error).message);
  return EXIT.failure;
}

/** A whole number of at least 1 from a flag, or a UsageError naming the flag. */
export function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} "${value}" is not a whole number of at least 1`);
  return n;
}

export function selectionFrom(values: { env?: string; account?: string; region?: string; stack?: string[] }): StackSelection {
  return { environment: values.env, account: values.account, region: values.region, stacks: values.stack };
}

/** Column-aligned plain-text table. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
