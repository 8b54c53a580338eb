import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTestOrg, exampleOrgModel } from "../support/synth";

/**
 * The cdktf CLI (pinned cdktf-cli) running the app, as users run `npx cdktf list` / `synth`. The app is
 * cdktf.json's without its `npm run build` step (main.test.ts checks cdktf.json): `npm test` has built
 * already, and a second build would rewrite the bundle under tests running beside this one.
 */
const ROOT = join(__dirname, "..", "..");
const CDKTF = join(ROOT, "node_modules", ".bin", "cdktf");

describe("the cdktf CLI", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-cdktf-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("lists every stack, and removes the directory of a stack the org no longer has", () => {
    const outdir = join(work, "cdktf.out");
    const retired = join(outdir, "stacks", "retired-us-east-1-network");
    mkdirSync(retired, { recursive: true });
    writeFileSync(join(retired, "cdk.tf.json"), "{}");
    const run = spawnSync(CDKTF, ["list", "--app", "npm run --silent synth:built", "--output", outdir], {
      cwd: ROOT,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "true", CI: "true", FORCE_COLOR: "0" },
      encoding: "utf8",
      timeout: 180_000,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    // One row a stack: its name, then its directory (wrapped by the CLI at 80 columns).
    const listed = [...run.stdout.matchAll(/^([a-z0-9-]+) +\//gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(
      buildTestOrg(exampleOrgModel())
        .all.map((s) => s.node.id)
        .sort(),
    );
    expect(existsSync(retired)).toBe(false);
  });
});
