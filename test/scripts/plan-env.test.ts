import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TerraformCommand } from "../../scripts/lib/terraform-cli";
import { planOutcome, runPlanEnv } from "../../scripts/plan-env";
import { capturedIo, synthesizeExample } from "./fixtures/example-synth";
import { recordedPlan, recordedText } from "./fixtures/plan-fixtures";

/**
 * The command's loop, order, output and exit code. terraform itself runs in
 * test/e2e/delivery.e2e.test.ts; here a stand-in answers with a plan terraform really made
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
    expect(planOutcome({ stack: "t", plan: recordedPlan("pull-request/shared-us-east-1-transit.json"), seconds: 1 })).toEqual({ cells: ["0", "0", "0", "0", "no changes"], text: "no changes" });
    expect(planOutcome({ stack: "f", error: "x", seconds: 1 }).text).toBe("FAILED");
  });

  it("plans an environment's stacks producers first, a line each, a table at the end, exit 1 on a failure", () => {
    const { tf, dirs } = standIn("dev-us-east-1-batch", recordedText("pull-request/dev-us-east-1-network.json"));
    const jsonDir = mkdtempSync(join(tmpdir(), "orgplat-plans-"));
    const io = capturedIo();
    expect(runPlanEnv(["--outdir", example.outdir, "--env", "dev", "--region", "us-east-1", "--json-dir", jsonDir], io, tf)).toBe(1);
    const planned = dirs.map((d) => d.split("/").pop());
    expect(planned.indexOf("dev-us-east-1-network")).toBeLessThan(planned.indexOf("dev-us-east-1-batch"));
    expect(planned.indexOf("dev-us-east-1-eks-cluster")).toBeLessThan(planned.indexOf("dev-us-east-1-eks-crds"));
    expect(planned.indexOf("dev-us-east-1-eks-crds")).toBeLessThan(planned.indexOf("dev-us-east-1-eks-addons"));
    expect(io.stdout).toMatch(/^\[\d\/5\] dev-us-east-1-network: 1 to change, 2 to replace \(\d+\.\d s\)$/m);
    expect(io.stdout).toMatch(/^\[\d\/5\] dev-us-east-1-batch: FAILED \(\d+\.\d s\)$/m);
    expect(io.stdout).toMatch(/^dev-us-east-1-batch\s+-\s+-\s+-\s+-\s+FAILED$/m);
    expect(io.stderr).toContain("terraform init failed (exit 1):\n    Error: No valid credential sources found");
    expect(readFileSync(join(jsonDir, "dev-us-east-1-batch.error.txt"), "utf8")).toContain("No valid credential sources found");
    expect(existsSync(join(jsonDir, "dev-us-east-1-network.json"))).toBe(true);
  });

  it("passes -lock=false only with --no-lock", () => {
    const seen: string[][] = [];
    const tf: TerraformCommand = (_dir, args) => (seen.push([...args]), { code: 0, stdout: args[0] === "show" ? recordedText("pull-request/shared-us-east-1-transit.json") : "", stderr: "" });
    expect(runPlanEnv(["--outdir", example.outdir, "--stack", "shared-us-east-1-transit", "--no-lock"], capturedIo(), tf)).toBe(0);
    expect(seen.find((a) => a[0] === "plan")).toContain("-lock=false");
    seen.length = 0;
    expect(runPlanEnv(["--outdir", example.outdir, "--stack", "shared-us-east-1-transit"], capturedIo(), tf)).toBe(0);
    expect(seen.find((a) => a[0] === "plan")).not.toContain("-lock=false");
  });

  it("refuses an unknown option with the usage", () => {
    const io = capturedIo();
    expect(runPlanEnv(["--environment", "dev"], io)).toBe(2);
    expect(io.stderr).toContain("usage: npm run plan --");
  });
});
