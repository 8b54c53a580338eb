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

/** terraform on PATH, non-interactive, captured output, killed after `timeoutMs`. */
export function terraformCli(env: NodeJS.ProcessEnv = process.env, timeoutMs = TERRAFORM_TIMEOUT_MS): TerraformCommand {
  return (dir, args) => {
    const result = spawnSync("terraform", [...args], {
      cwd: dir,
      env: { ...env, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      timeout: timeoutMs,
      killSignal: "SIGKILL",
      maxBuffer: 512 * 1024 * 1024,
    });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") {
      return { code: 124, stdout: result.stdout ?? "", stderr: `terraform ${args.join(" ")} did not finish within ${timeoutMs / 60_000} min in ${dir}\n${result.stderr ?? ""}` };
    }
    if (result.error) return { code: 127, stdout: "", stderr: `cannot run terraform: ${result.error.message}` };
    return { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
  };
}

/** terraformCli without blocking: the same environment, limits and answers, as a promise. */
export function terraformCliAsync(env: NodeJS.ProcessEnv = process.env, timeoutMs = TERRAFORM_TIMEOUT_MS): AsyncTerraformCommand {
  return (dir, args) =>
    new Promise((resolve) => {
      const child = spawn("terraform", [...args], { cwd: dir, env: { ...env, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      let timedOut = false;
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        resolve({ code: 127, stdout: "", stderr: `cannot run terraform: ${e.message}` });
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        if (timedOut) resolve({ code: 124, stdout, stderr: `terraform ${args.join(" ")} did not finish within ${timeoutMs / 60_000} min in ${dir}\n${stderr}` });
        else resolve({ code: code ?? 1, stdout, stderr });
      });
    });
}

/** The last lines of a failed command's output: what a person needs to see first. */
export function failureTail(result: TerraformResult, lines = 40): string {
  return (result.stderr.trim() || result.stdout.trim()).split("\n").slice(-lines).join("\n");
}
