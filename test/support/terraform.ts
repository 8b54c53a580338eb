import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { failureTail, terraformCli, terraformCliAsync, type TerraformResult } from "../../scripts/lib/terraform-cli";
import { providerMirrorDir } from "./tooling";

/** Result of one terraform command (the product's own result type). */
export type TerraformRun = TerraformResult;

export interface TerraformOptions {
  /** Extra environment (AWS keys for the emulator, ...). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Hard limit: the AWS provider retries some unimplemented emulator calls for minutes.
   * @default 300000 (5 minutes)
   */
  readonly timeoutMs?: number;
}

/**
 * A CLI config that installs providers from the filesystem mirror only. An unpacked mirror
 * is linked into each stack (no 700 MB copies), so no shared plugin cache is needed and
 * parallel inits cannot race on one. Written into `workDir`; returns its path.
 */
export function writeCliConfig(workDir: string): string {
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, "terraform.rc");
  writeFileSync(path, ["provider_installation {", "  filesystem_mirror {", `    path = ${JSON.stringify(providerMirrorDir())}`, "  }", "}", ""].join("\n"));
  return path;
}

/** The environment the product's terraform runner gets: this process's, the extra env, the CLI config. */
export function terraformEnv(cliConfig: string, options: TerraformOptions = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...options.env, TF_CLI_CONFIG_FILE: cliConfig };
}

/** Runs `terraform <args>` in `dir` with the product's runner, under a timeout; never throws on a non-zero exit. */
export function terraform(dir: string, cliConfig: string, args: readonly string[], options: TerraformOptions = {}): TerraformRun {
  return terraformCli(terraformEnv(cliConfig, options), options.timeoutMs ?? 300_000)(dir, args);
}

/** Like `terraform`, but throws with the command's output when it fails. */
export function terraformOk(dir: string, cliConfig: string, args: readonly string[], options: TerraformOptions = {}): TerraformRun {
  return failUnlessOk(dir, args, terraform(dir, cliConfig, args, options));
}

function failUnlessOk(dir: string, args: readonly string[], run: TerraformRun): TerraformRun {
  if (run.code !== 0) throw new Error(`terraform ${args.join(" ")} failed (exit ${run.code}) in ${dir}:\n${failureTail(run, 60)}`);
  return run;
}

/** `terraform`, without blocking: for stacks that run side by side. */
export function terraformAsync(dir: string, cliConfig: string, args: readonly string[], options: TerraformOptions = {}): Promise<TerraformRun> {
  return terraformCliAsync(terraformEnv(cliConfig, options), options.timeoutMs ?? 300_000)(dir, args);
}

/** `terraformOk`, without blocking. */
export async function terraformOkAsync(dir: string, cliConfig: string, args: readonly string[], options: TerraformOptions = {}): Promise<TerraformRun> {
  return failUnlessOk(dir, args, await terraformAsync(dir, cliConfig, args, options));
}
