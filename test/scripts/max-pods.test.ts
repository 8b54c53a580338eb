import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { maxPodsReport, runMaxPods } from "../../scripts/max-pods";
import { capturedIo } from "./fixtures/example-synth";

describe("npm run max-pods", () => {
  it("prints pods per node with the formula's inputs for each instance type", () => {
    const report = maxPodsReport(["t3.medium", "t3.large", "m5.large"]);
    expect(report.exitCode).toBe(0);
    expect(report.lines).toEqual([
      "t3.medium: 17 pods (3 ENIs × (6 IPv4 − 1) + 2)",
      "t3.large: 35 pods (3 ENIs × (12 IPv4 − 1) + 2)",
      "m5.large: 29 pods (3 ENIs × (10 IPv4 − 1) + 2)",
    ]);
  });

  it("fails on a type outside the table and names the family's known sizes", () => {
    const report = maxPodsReport(["m5.large", "m5.huge"]);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^m5\.huge: not in the table .*known m5 sizes: m5\.large, m5\.xlarge/);
  });

  it("explains its usage when given no instance type or an unknown flag, exit 64", () => {
    for (const args of [[], ["--verbose", "t3.medium"]]) {
      const io = capturedIo();
      expect(runMaxPods(args, io)).toBe(64);
      expect(io.stderr).toMatch(/usage: npm run max-pods -- <instance-type>/);
    }
  });

  it("prints its usage for --help instead of reading it as an instance type, exit 0", () => {
    const io = capturedIo();
    expect(runMaxPods(["--help"], io)).toBe(0);
    expect(io.stdout).toMatch(/^usage: npm run max-pods/);
    expect(io.stderr).toBe("");
  });

  it("is wired as `npm run max-pods` to the compiled script", () => {
    const pkg = require(join(__dirname, "..", "..", "package.json")) as { scripts: Record<string, string> };
    expect(pkg.scripts["max-pods"]).toBe("node dist/scripts/max-pods.js");
  });

  it("runs as a CLI through ts-node and exits 1 on an unknown type", () => {
    const run = spawnSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", join(__dirname, "..", "..", "scripts", "max-pods.ts"), "t3.medium", "nope.large"],
      { encoding: "utf8" },
    );
    expect(run.stdout.trim()).toBe("t3.medium: 17 pods (3 ENIs × (6 IPv4 − 1) + 2)");
    expect(run.stderr).toMatch(/nope\.large: not in the table/);
    expect(run.status).toBe(1);
  });
});
