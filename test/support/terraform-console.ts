import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCliConfig } from "./terraform";

/**
 * HCL expressions evaluated by Terraform itself (`terraform console` in a scratch directory), for
 * tests of the expressions preconditions are built from. Call `open` in beforeAll, `close` in afterAll.
 */
export class TerraformConsole {
  private dir = "";
  private cliConfig = "";

  public open(): void {
    this.dir = mkdtempSync(join(tmpdir(), "orgplat-console-"));
    this.cliConfig = writeCliConfig(this.dir);
  }

  public close(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  /** The expression's value, decoded from the JSON Terraform encodes it to. */
  public evaluate(expression: string): unknown {
    const run = spawnSync("terraform", ["console", "-no-color"], {
      cwd: this.dir,
      input: `jsonencode(${expression})\n`,
      env: { ...process.env, TF_CLI_CONFIG_FILE: this.cliConfig, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`terraform console failed on ${expression}:\n${run.stderr}`);
    return JSON.parse(JSON.parse(run.stdout.trim()) as string);
  }
}
