import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runApply } from "../../scripts/apply";
import { PLAN_FILE } from "../../scripts/lib/stack-plan";
import type { TerraformCommand } from "../../scripts/lib/terraform-cli";
import { capturedIo, synthesizeExample } from "./fixtures/example-synth";

/** The command around terraform; the saved plan really applied (and refused when stale) is test/e2e/network-account/saved-plan-apply.ts. */
describe("apply", () => {
  const example = synthesizeExample();
  afterAll(() => example.cleanup());
  const network = example.stacks.find((s) => s.name === "dev-us-east-1-network")!;
  writeFileSync(join(network.dir, PLAN_FILE), "saved plan");

  it("applies the saved plan file and nothing else", () => {
    const seen: string[][] = [];
    const tf: TerraformCommand = (_dir, args) => (seen.push([...args]), { code: 0, stdout: args[0] === "apply" ? "Apply complete!" : "", stderr: "" });
    expect(runApply(["--stack", network.name, "--outdir", example.outdir], capturedIo(), tf)).toBe(0);
    expect(seen.at(-1)).toEqual(["apply", "-input=false", "-no-color", "-auto-approve", PLAN_FILE]);
  });

  it("turns terraform's stale-plan refusal into an instruction to re-plan, exit 1", () => {
    const tf: TerraformCommand = (_dir, args) =>
      args[0] === "apply"
        ? {
            code: 1,
            stdout: "",
            stderr: "Error: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed by another operation",
          }
        : { code: 0, stdout: "", stderr: "" };
    const io = capturedIo();
    expect(runApply(["--stack", network.name, "--outdir", example.outdir], io, tf)).toBe(1);
    expect(io.stderr).toContain("dev-us-east-1-network: the saved plan is stale");
    expect(io.stderr).toContain("npm run plan -- --stack dev-us-east-1-network");
  });

  it("refuses a stack with no saved plan, exit 1, and a missing --stack or unknown stack, exit 64", () => {
    const never: TerraformCommand = () => {
      throw new Error("terraform should not have run");
    };
    const io = capturedIo();
    expect(runApply(["--stack", "dev-us-east-1-batch", "--outdir", example.outdir], io, never)).toBe(1);
    expect(io.stderr).toContain("dev-us-east-1-batch has no saved plan");
    expect(runApply(["--outdir", example.outdir], capturedIo(), never)).toBe(64);
    expect(runApply(["--stack", "nope", "--outdir", example.outdir], capturedIo(), never)).toBe(64);
    expect(runApply(["--help"], capturedIo(), never)).toBe(0);
  });
});
