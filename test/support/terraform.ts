import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { providerMirrorDir } from "./tooling";

/** Result of one terraform command. */
export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

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
  writeFileSync(
    path,
    [
      "provider_installation {",
      "  filesystem_mirror {",
      `    path = ${JSON.stringify(providerMirrorDir())}`,
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  return path;
}

/** Runs `terraform <args>` in `dir` under a timeout; never throws on a non-zero exit. */
export function terraform(dir: string, cliConfig: string, args: readonly string[], options: TerraformOptions = {}): TerraformRun {
  const timeout = options.timeoutMs ?? 300_000;
  const result = spawnSync("terraform", [...args], {
    cwd: dir,
    env: { ...process.env, ...options.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    timeout,
    killSignal: "SIGKILL",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
    return { code: 124, stdout: result.stdout ?? "", stderr: `terraform ${args.join(" ")} timed out after ${timeout / 1000}s in ${dir}\n${result.stderr ?? ""}` };
  }
  return { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** Like `terraform`, but throws with the command's output when it fails. */
export function terraformOk(dir: string, cliConfig: string, args: readonly string[], options: TerraformOptions = {}): TerraformRun {
  const run = terraform(dir, cliConfig, args, options);
  if (run.code !== 0) {
    throw new Error(`terraform ${args.join(" ")} failed (exit ${run.code}) in ${dir}:\n${tail(run.stderr || run.stdout)}`);
  }
  return run;
}

function tail(text: string, lines = 60): string {
  return text.split("\n").slice(-lines).join("\n");
}
