import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMoto, type Moto } from "../support/moto";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";

/**
 * `npx cdktf diff` as users run it: the pinned cdktf CLI synthesizes through the app, runs
 * `terraform init` and `plan` in the stack's directory. Against moto_server, on a bootstrap stack
 * (local state, so no bucket needs to exist first). With an offline provider mirror the CLI's
 * `terraform providers lock` (checksums for other platforms, from the registry) cannot run:
 * `--skip-provider-lock` is the documented way.
 */
const ROOT = join(__dirname, "..", "..");
const CDKTF = join(ROOT, "node_modules", ".bin", "cdktf");

describeWithTooling({ moto: true })("the cdktf CLI against moto_server", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-cdktf-diff-"));
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("plans a stack with cdktf diff, through the app and the stack's own backend", () => {
    const run = spawnSync(
      CDKTF,
      ["diff", "bootstrap-workload-dev", "--skip-provider-lock", "--app", "npm run --silent synth:built", "--output", join(work, "cdktf.out")],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...moto.env,
          ORGPLAT_AWS_ENDPOINT: moto.endpoint,
          TF_CLI_CONFIG_FILE: writeCliConfig(work),
          CHECKPOINT_DISABLE: "1",
          DISABLE_VERSION_CHECK: "true",
          CI: "true",
          FORCE_COLOR: "0",
        },
        encoding: "utf8",
        timeout: 300_000,
      },
    );
    if (run.status !== 0) throw new Error(`cdktf diff failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    // The bucket, its settings and key (8), its request-metrics filter, the key alias, the GitHub OIDC provider, and the plan, deploy and
    // state-reader roles with their policies.
    expect(run.stdout).toContain("Plan: 17 to add, 0 to change, 0 to destroy.");
  }, 300_000);
});
