import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { failureTail, terraformCli, terraformCliAsync, type TerraformResult } from "../../scripts/lib/terraform-cli";
import { mirroredProviderDir, providerMirrorDir } from "./tooling";

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

/** How the aws provider reaches terraform in a test's CLI config. */
export type ProviderSource =
  /** `terraform init` installs it from the filesystem mirror, as users and the CI workflows do. */
  | "mirror"
  /**
   * The mirror's own binary, used in place through `dev_overrides`: no install and, measured, about
   * 0.7 CPU-s less per command, because terraform no longer hashes the 675 MB provider against the
   * lock file on every command (docs/testing.md). For the emulator runs; the validate test and the
   * cdktf-cli run keep "mirror", so the users' installation path stays tested.
   */
  | "mirror-binary";

/**
 * A CLI config that finds providers in the filesystem mirror only. An unpacked mirror is
 * linked into each stack (no 700 MB copies), so no shared plugin cache is needed and parallel
 * inits cannot race on one. Written into `workDir`; returns its path.
 */
export function writeCliConfig(workDir: string, source: ProviderSource = "mirror"): string {
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, "terraform.rc");
  const overrides = source === "mirror-binary" ? ["  dev_overrides {", `    "hashicorp/aws" = ${JSON.stringify(awsProviderBinaryDir())}`, "  }"] : [];
  const mirror = ["  filesystem_mirror {", `    path = ${JSON.stringify(providerMirrorDir())}`, "  }"];
  writeFileSync(path, ["provider_installation {", ...overrides, ...mirror, "}", ""].join("\n"));
  return path;
}

/** The mirror's directory holding the aws provider binary of the version the bindings were generated for. */
function awsProviderBinaryDir(): string {
  const { cdktf } = JSON.parse(readFileSync(require.resolve("@cdktf/provider-aws/package.json"), "utf8")) as { cdktf: { provider: { version: string } } };
  const platform = `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`;
  const dir = join(mirroredProviderDir("aws", "hashicorp", cdktf.provider.version), platform);
  if (!existsSync(dir)) throw new Error(`the provider mirror has no hashicorp/aws ${cdktf.provider.version} for ${platform} (looked in ${dir})`);
  return dir;
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
