import { spawn, spawnSync } from "node:child_process";

/** What one terraform command returned. */
export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs terraform commands in stack directories; injectable so commands can be tested without it. */
export type TerraformCommand = (dir: string, args: readonly string[]) => TerraformResult;

/** A TerraformCommand that may answer later, so several stacks can run at once (`--parallelism`). */
export type AsyncTerraformCommand = (dir: string, args: readonly string[]) => TerraformResult | Promise<TerraformResult>;

/**
 * Hard limit per terraform call: an AWS API that keeps answering with retryable errors
 * makes the provider retry for a long time, and an automated run must end.
 */
export const TERRAFORM_TIMEOUT_MS = 30 * 60_000;

/** Runs terraform without blocking, so that independent stacks can run side by side. */
export type TerraformCommandAsync = (dir: string, args: readonly string[]) => Promise<TerraformResult>;

/** The environment every terraform call gets: non-interactive, no update checks. */
function automationEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" };
}

function timedOut(args: readonly string[], dir: string, timeoutMs: number, stdout: string, stderr: string): TerraformResult {
  return { code: 124, stdout, stderr: `terraform ${args.join(" ")} did not finish within ${timeoutMs / 60_000} min in ${dir}\n${stderr}` };
}

/** terraform on PATH, non-interactive, captured output, killed after `timeoutMs`. */
export function terraformCli(env: NodeJS.ProcessEnv = process.env, timeoutMs = TERRAFORM_TIMEOUT_MS): TerraformCommand {
  return (dir, args) => {
    const result = spawnSync("terraform", [...args], {
      cwd: dir,
      env: automationEnv(env),
      encoding: "utf8",
      timeout: timeoutMs,
      killSignal: "SIGKILL",
      maxBuffer: 512 * 1024 * 1024,
    });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT")
      return timedOut(args, dir, timeoutMs, result.stdout ?? "", result.stderr ?? "");
    if (result.error) return { code: 127, stdout: "", stderr: `cannot run terraform: ${result.error.message}` };
    return { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
  };
}

/** Like `terraformCli`, but the command runs while this process goes on (same environment, limit and results). */
export function terraformCliAsync(env: NodeJS.ProcessEnv = process.env, timeoutMs = TERRAFORM_TIMEOUT_MS): TerraformCommandAsync {
  return (dir, args) =>
    new Promise((resolve) => {
      const child = spawn("terraform", [...args], { cwd: dir, env: automationEnv(env), stdio: ["ignore", "pipe", "pipe"] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (d: Buffer) => stdout.push(d));
      child.stderr.on("data", (d: Buffer) => stderr.push(d));
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString("utf8");
      // At the limit, answer at once: a killed terraform's providers may hold its pipes open a while.
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(timedOut(args, dir, timeoutMs, text(stdout), text(stderr)));
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        resolve({ code: 127, stdout: "", stderr: `cannot run terraform: ${error.message}` });
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 1, stdout: text(stdout), stderr: text(stderr) });
      });
    });
}

/** The last lines of a failed command's output: what a person needs to see first. */
export function failureTail(result: TerraformResult, lines = 40): string {
  return (result.stderr.trim() || result.stdout.trim()).split("\n").slice(-lines).join("\n");
}
