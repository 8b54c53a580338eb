import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TerraformCommand } from "../../scripts/lib/terraform-cli";
import { planOutcome, runPlanEnv } from "../../scripts/plan-env";
import { capturedIo, synthesizeExample } from "./fixtures/example-synth";
import { recordedPlan, recordedText } from "./fixtures/plan-fixtures";
import { scratchDir } from "../support/scratch";

/**
 * The command's loop, order, output and exit code. terraform itself runs in
 * test/e2e/network-account/delivery.ts; here a stand-in answers with a plan terraform really made
 * for one stack and refuses to initialize another.
 */
function standIn(failing: string, planJson: string): { tf: TerraformCommand; dirs: string[] } {
  const dirs: string[] = [];
  const tf: TerraformCommand = (dir, args) => {
    if (args[0] === "init") dirs.push(dir);
    if (dir.endsWith(`/${failing}`) && args[0] === "init") return { code: 1, stdout: "", stderr: "Error: No valid credential sources found" };
    if (args[0] === "plan") return { code: 2, stdout: "", stderr: "" };
    return { code: 0, stdout: args[0] === "show" ? planJson : "", stderr: "" };
  };
  return { tf, dirs };
}

describe("plan command", () => {
  const example = synthesizeExample();
  afterAll(() => example.cleanup());

  it("describes a plan by its counts, and a data-losing one loudly", () => {
    const destroy = planOutcome({ stack: "n", plan: recordedPlan("destroy/dev-us-east-1-network.json"), seconds: 1 });
    expect(destroy.cells[4]).toBe("changes, data at risk");
    expect(destroy.text).toMatch(/^\d+ to destroy, DATA AT RISK: aws_cloudwatch_log_group\./);
    expect(planOutcome({ stack: "t", plan: recordedPlan("pull-request/shared-us-east-1-transit.json"), seconds: 1 })).toEqual({
      cells: ["0", "0", "0", "0", "no changes"],
      text: "no changes",
    });
    expect(planOutcome({ stack: "f", error: "x", seconds: 1 }).text).toBe("FAILED");
  });

  it("plans an environment's stacks producers first, a line each, a table at the end, exit 1 on a failure", async () => {
    const { tf, dirs } = standIn("dev-us-east-1-batch", recordedText("pull-request/dev-us-east-1-network.json"));
    const jsonDir = scratchDir("orgplat-plans-");
    const io = capturedIo();
    expect(await runPlanEnv(["--outdir", example.outdir, "--env", "dev", "--region", "us-east-1", "--json-dir", jsonDir], io, tf)).toBe(1);
    const planned = dirs.map((d) => d.split("/").pop());
    expect(planned.indexOf("dev-us-east-1-network")).toBeLessThan(planned.indexOf("dev-us-east-1-batch"));
    expect(planned.indexOf("dev-us-east-1-eks-cluster")).toBeLessThan(planned.indexOf("dev-us-east-1-eks-crds"));
    expect(planned.indexOf("dev-us-east-1-eks-crds")).toBeLessThan(planned.indexOf("dev-us-east-1-eks-addons"));
    expect(io.stdout).toMatch(/^\[\d\/8\] dev-us-east-1-network: 1 to change, 2 to replace \(\d+\.\d s\)$/m);
    expect(io.stdout).toMatch(/^\[\d\/8\] dev-us-east-1-batch: FAILED \(\d+\.\d s\)$/m);
    expect(io.stdout).toMatch(/^dev-us-east-1-batch\s+-\s+-\s+-\s+-\s+FAILED$/m);
    expect(io.stderr).toContain("terraform init failed (exit 1):\n    Error: No valid credential sources found");
    expect(readFileSync(join(jsonDir, "dev-us-east-1-batch.error.txt"), "utf8")).toContain("No valid credential sources found");
    expect(existsSync(join(jsonDir, "dev-us-east-1-network.json"))).toBe(true);
  });

  it("passes -lock=false only with --no-lock", async () => {
    const seen: string[][] = [];
    const tf: TerraformCommand = (_dir, args) => (
      seen.push([...args]),
      { code: 0, stdout: args[0] === "show" ? recordedText("pull-request/shared-us-east-1-transit.json") : "", stderr: "" }
    );
    expect(await runPlanEnv(["--outdir", example.outdir, "--stack", "shared-us-east-1-transit", "--no-lock"], capturedIo(), tf)).toBe(0);
    expect(seen.find((a) => a[0] === "plan")).toContain("-lock=false");
    seen.length = 0;
    expect(await runPlanEnv(["--outdir", example.outdir, "--stack", "shared-us-east-1-transit"], capturedIo(), tf)).toBe(0);
    expect(seen.find((a) => a[0] === "plan")).not.toContain("-lock=false");
  });

  it("refuses an unknown option or a bad --parallelism with the usage, exit 64", async () => {
    const io = capturedIo();
    expect(await runPlanEnv(["--environment", "dev"], io)).toBe(64);
    expect(io.stderr).toContain("usage: npm run plan --");
    expect(await runPlanEnv(["--parallelism", "0", "--outdir", example.outdir], capturedIo())).toBe(64);
  });

  it("prints its usage for --help, exit 0", async () => {
    const io = capturedIo();
    expect(await runPlanEnv(["--help"], io)).toBe(0);
    expect(io.stdout).toContain("--detailed-exitcode");
  });

  it("with --detailed-exitcode exits 2 when a stack has changes and 0 when none has", async () => {
    const changes = standIn("none", recordedText("pull-request/dev-us-east-1-network.json")).tf;
    expect(await runPlanEnv(["--outdir", example.outdir, "--stack", "dev-us-east-1-network", "--detailed-exitcode"], capturedIo(), changes)).toBe(2);
    expect(await runPlanEnv(["--outdir", example.outdir, "--stack", "dev-us-east-1-network"], capturedIo(), changes)).toBe(0);
    const none: TerraformCommand = (_dir, args) => ({
      code: 0,
      stdout: args[0] === "show" ? recordedText("pull-request/shared-us-east-1-transit.json") : "",
      stderr: "",
    });
    expect(await runPlanEnv(["--outdir", example.outdir, "--stack", "shared-us-east-1-transit", "--detailed-exitcode"], capturedIo(), none)).toBe(0);
  });

  it("streams: a line when each stack starts, before any has finished, with --parallelism running them at once", async () => {
    const events: string[] = [];
    const io = { out: (t: string) => void events.push(t), err: () => undefined };
    let running = 0;
    let most = 0;
    const tf = async (_dir: string, args: readonly string[]) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return { code: args[0] === "plan" ? 2 : 0, stdout: args[0] === "show" ? recordedText("pull-request/shared-us-east-1-transit.json") : "", stderr: "" };
    };
    expect(await runPlanEnv(["--outdir", example.outdir, "--env", "dev", "--region", "us-east-1", "--parallelism", "3"], io, tf)).toBe(0);
    expect(most).toBe(3);
    // dev in us-east-1: network, batch, eks-cluster, eks-crds, eks-addons, alarms, net-alarms, and the dashboard (state region).
    const firstDone = events.findIndex((e) => /^\[1\/8\]/.test(e));
    expect(firstDone).toBeGreaterThan(0);
    expect(events.slice(0, firstDone).filter((e) => e.startsWith("  started  "))).toHaveLength(3);
    expect(events.at(-1)).toMatch(/^8 planned in \d+\.\d s: 8 with changes, 0 without, 0 failed$/);
  });

  it("refuses stacks in the example org's fake accounts synthesized for real AWS, before running terraform", async () => {
    const real = synthesizeExample(undefined, {});
    try {
      const io = capturedIo();
      const tf: TerraformCommand = () => {
        throw new Error("terraform should not have run");
      };
      expect(await runPlanEnv(["--outdir", real.outdir, "--stack", "dev-us-east-1-network"], io, tf)).toBe(1);
      expect(io.stderr).toContain("dev-us-east-1-network (222222222222)");
      expect(io.stderr).toContain('Point "org" in orgplat.json (or ORGPLAT_ORG) at your own org file');
    } finally {
      real.cleanup();
    }
  });
});
