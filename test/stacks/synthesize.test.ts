import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Annotations, TerraformStack } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Guardrails } from "../../modules/guardrails/guardrails";
import { AccountStack } from "../../stacks/account-stack";
import { GUARDRAIL_REPORT_FILE, synthesizeOrg } from "../../stacks/synthesize";
import { filesUnder } from "../support/files";
import { exampleOrgModel } from "../support/synth";

describe("synthesizeOrg", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-synthesize-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  /** The example org synthesized as the app does into `exampleOutdir`, for the tests that only read it. */
  const exampleOutdir = join(work, "fast");
  let exampleResult: ReturnType<typeof synthesizeOrg> | undefined;
  const synthesizedExample = () => (exampleResult ??= synthesizeOrg(exampleOrgModel(), {}, exampleOutdir));

  it("writes exactly what cdktf's full prepare pass writes, without running it", () => {
    const org = exampleOrgModel();
    const fast = synthesizedExample();
    const stockPrepare = jest.spyOn(AccountStack.prototype, "prepareStack").mockImplementation(function (this: AccountStack) {
      TerraformStack.prototype.prepareStack.call(this);
    });
    try {
      synthesizeOrg(org, {}, join(work, "stock"));
      expect(stockPrepare).toHaveBeenCalledTimes(fast.stackNames.length);
    } finally {
      stockPrepare.mockRestore();
    }
    const fastFiles = filesUnder(exampleOutdir);
    expect(Object.keys(fastFiles)).toHaveLength(fast.stackNames.length + 2); // + manifest.json, guardrails.json
    expect(fastFiles).toEqual(filesUnder(join(work, "stock")));
  });

  it("drops the directories of removed stacks, or leaves them empty for the cdktf CLI to remove", () => {
    const org = exampleOrgModel();
    for (const [name, leave] of [
      ["dropped", false],
      ["left", true],
    ] as const) {
      const outdir = join(work, name);
      mkdirSync(join(outdir, "stacks", "retired-us-east-1-network", ".terraform"), { recursive: true });
      writeFileSync(join(outdir, "stacks", "retired-us-east-1-network", "cdk.tf.json"), "{}");
      synthesizeOrg(org, {}, outdir, { leaveRemovedStackDirectories: leave });
      const stacks = readdirSync(join(outdir, "stacks"));
      expect(stacks.includes("retired-us-east-1-network")).toBe(leave);
      if (leave) expect(readdirSync(join(outdir, "stacks", "retired-us-east-1-network"))).toEqual([]);
    }
  });

  it("keeps the previous output when a guardrail fails, also when the cdktf CLI asks cdktf to continue past errors", () => {
    const outdir = join(work, "guarded");
    mkdirSync(join(outdir, "stacks", "keep-me"), { recursive: true });
    const visit = Guardrails.prototype.visit;
    const violation = jest.spyOn(Guardrails.prototype, "visit").mockImplementation(function (this: Guardrails, node) {
      if (node instanceof S3Bucket) Annotations.of(node).addError("[ORG-TEST] a planted violation");
      visit.call(this, node);
    });
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = "true";
    try {
      expect(() => synthesizeOrg(exampleOrgModel(), {}, outdir)).toThrow(
        /^\d+ error\(s\) at synth \(guardrail violations\):\n\[bootstrap-[\w-]+\/state\/bucket\] \[ORG-TEST\] a planted violation/,
      );
    } finally {
      delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
      violation.mockRestore();
    }
    expect(readdirSync(join(outdir, "stacks"))).toEqual(["keep-me"]);
  });

  it("writes the guardrail report with the stacks it describes: every rule, every suppressed finding with its reason", () => {
    const result = synthesizedExample();
    const report = JSON.parse(readFileSync(join(exampleOutdir, GUARDRAIL_REPORT_FILE), "utf8")) as typeof result.guardrails;
    expect(report).toEqual(result.guardrails);
    expect(report.rules.map((r) => r.id)).toEqual(expect.arrayContaining(["ORG-STATE-1", "ORG-IAM-1", "ORG-NET-1", "ORG-DATA-1"]));
    // The org's known exceptions, each with the change that removes it; nothing else is let through.
    expect([...new Set(report.suppressed.map((f) => `${f.ruleId} ${f.kind}`))].sort()).toEqual([
      "ORG-DATA-1 aws_eks_cluster",
      "ORG-IAM-1 aws_iam_policy_document",
    ]);
    expect(report.suppressed.every((f) => f.reason.length > 20 && result.stackNames.includes(f.stack))).toBe(true);
  });

  it("writes no report when a guardrail fails", () => {
    const outdir = join(work, "refused");
    const visit = Guardrails.prototype.visit;
    const violation = jest.spyOn(Guardrails.prototype, "visit").mockImplementation(function (this: Guardrails, node) {
      if (node instanceof S3Bucket) Annotations.of(node).addError("[ORG-TEST] a planted violation");
      visit.call(this, node);
    });
    try {
      expect(() => synthesizeOrg(exampleOrgModel(), {}, outdir)).toThrow(/ORG-TEST/);
    } finally {
      violation.mockRestore();
    }
    expect(existsSync(outdir)).toBe(false);
    expect(readdirSync(work).filter((name) => name.startsWith("refused"))).toEqual([]);
  });

  it("leaves the stack-trace formatter as it found it, also when synthesis fails", () => {
    const before = Error.prepareStackTrace;
    const broken = { ...exampleOrgModel(), accounts: [] };
    expect(() => synthesizeOrg(broken, {}, join(work, "broken"))).toThrow();
    expect(Error.prepareStackTrace).toBe(before);
    expect(readdirSync(work)).not.toContain("broken");
  });
});
