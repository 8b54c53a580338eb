import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runPlanSummary } from "../../scripts/plan-summary";
import { capturedIo } from "./fixtures/example-synth";
import { recordedPlanDir } from "./fixtures/plan-fixtures";
import { scratchDir } from "../support/scratch";

const PULL_REQUEST = ["pull-request/dev-us-east-1-network.json", "pull-request/shared-us-east-1-transit.json", "pull-request/bootstrap-network.error.txt"];

describe("plan-summary command", () => {
  it("reads a directory of <stack>.json and <stack>.error.txt files, as the plan jobs upload them", () => {
    const io = capturedIo();
    expect(runPlanSummary([recordedPlanDir(PULL_REQUEST)], io)).toBe(0);
    expect(io.stdout).toContain("| `bootstrap-network` | :x: plan failed | | | |\n| :warning: `dev-us-east-1-network` | 0 | 1 | 0 | 2 |");
    expect(io.stdout).toContain("`shared-us-east-1-transit`");
  });

  it("takes single files too, and writes the comment to --out", () => {
    const dir = recordedPlanDir(PULL_REQUEST);
    const out = join(scratchDir("orgplat-comment-"), "comment.md");
    const io = capturedIo();
    expect(runPlanSummary([join(dir, "dev-us-east-1-network.json"), "--out", out, "--title", "Plan for dev"], io)).toBe(0);
    expect(io.stdout).toBe("");
    expect(readFileSync(out, "utf8").split("\n")[1]).toBe("### Plan for dev: 1 of 1 stack changes");
  });

  it("honours --max-chars", () => {
    const io = capturedIo();
    expect(runPlanSummary([recordedPlanDir(PULL_REQUEST), "--max-chars", "1500"], io)).toBe(0);
    expect(io.stdout.trimEnd().length).toBeLessThanOrEqual(1500);
  });

  it("refuses a file that is not a terraform plan, naming it and how to make one", () => {
    const dir = scratchDir("orgplat-notplan-");
    writeFileSync(join(dir, "dev-us-east-1-network.json"), JSON.stringify({ stacks: {} }));
    const io = capturedIo();
    expect(runPlanSummary([dir], io)).toBe(1);
    expect(io.stderr).toContain("dev-us-east-1-network.json: not the JSON of a Terraform plan");
    expect(io.stderr).toContain("terraform show -json <planfile>");
  });

  it("refuses two plans of one stack, and an empty directory", () => {
    const dir = recordedPlanDir(["pull-request/dev-us-east-1-network.json"]);
    const io = capturedIo();
    expect(runPlanSummary([dir, join(dir, "dev-us-east-1-network.json")], io)).toBe(64);
    expect(io.stderr).toContain("more than one plan for dev-us-east-1-network");
    const empty = capturedIo();
    expect(runPlanSummary([scratchDir("orgplat-empty-")], empty)).toBe(64);
    expect(empty.stderr).toContain("no <stack>.json or <stack>.error.txt under");
  });
});
